using System.Globalization;
using System.Xml.Linq;
using CourseBuilder.Model;

namespace CourseBuilder.Qti;

/// <summary>Which importer an item is written for: the response processing each reads differs.</summary>
public enum QtiFlavor
{
    /// <summary>The Common Cartridge 1.1 QTI profile, as Moodle's backup/cc importer reads it.</summary>
    CommonCartridge,
    /// <summary>Canvas's own QTI 1.2 (what Canvas exports and its "QTI .zip file" import takes).</summary>
    Canvas,
}

/// <summary>
/// One QTI 1.2 item for a single-choice, multiple-response or true/false question: the stem,
/// the choices, the scoring and the feedback (per choice and general). Both flavors share the
/// presentation; they differ in metadata and in how the response conditions are laid out,
/// because each importer reads them its own way (see docs/lms-upload.md, "What the importers read").
/// </summary>
public static class QtiItem
{
    public static readonly XNamespace Ns = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";
    public const string ResponseId = "response1";
    public const string GeneralFeedbackId = "general_fb";

    /// <summary>
    /// The response label of a choice. Moodle's CC importer recognises true/false answers only by
    /// the idents "true" and "false" (cc11_quiz, true/false node) and stops the import otherwise.
    /// </summary>
    public static string ChoiceIdent(Question q, Choice choice) =>
        q.Type == QuestionType.TrueFalse
            ? (choice.PlainText.Trim().Equals("true", StringComparison.OrdinalIgnoreCase) ? "true" : "false")
            : choice.Key.ToString();

    public static string FeedbackIdent(Question q, Choice choice) => ChoiceIdent(q, choice) + "_fb";

    /// <param name="shuffle">Let the LMS shuffle the choices; pinned choices keep their place (rshuffle="No").</param>
    public static XElement Create(Question q, QtiFlavor flavor, int points, bool shuffle = false)
    {
        var item = new XElement(Ns + "item", new XAttribute("ident", q.Id), new XAttribute("title", q.Id),
            new XElement(Ns + "itemmetadata", new XElement(Ns + "qtimetadata", Metadata(q, flavor, points))),
            new XElement(Ns + "presentation",
                Material(StemHtml(q)),
                new XElement(Ns + "response_lid",
                    new XAttribute("ident", ResponseId),
                    new XAttribute("rcardinality", q.Type == QuestionType.Multiple ? "Multiple" : "Single"),
                    new XElement(Ns + "render_choice",
                        shuffle ? new XAttribute("shuffle", "Yes") : null,
                        q.Choices.Select(c => new XElement(Ns + "response_label",
                            new XAttribute("ident", ChoiceIdent(q, c)),
                            shuffle && c.Pinned ? new XAttribute("rshuffle", "No") : null,
                            Material(LmsHtml.Inline(c.Text))))))),
            new XElement(Ns + "resprocessing",
                new XElement(Ns + "outcomes",
                    new XElement(Ns + "decvar", new XAttribute("maxvalue", "100"), new XAttribute("minvalue", "0"),
                        new XAttribute("varname", "SCORE"), new XAttribute("vartype", "Decimal"))),
                flavor == QtiFlavor.Canvas ? CanvasConditions(q) : CartridgeConditions(q)));
        if (q.Explanation.Count > 0)
            item.Add(Feedback(GeneralFeedbackId, LmsHtml.Blocks(q.Explanation)));
        foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
            item.Add(Feedback(FeedbackIdent(q, choice), LmsHtml.Blocks(choice.Feedback)));
        return item;
    }

    /// <summary>The stem as the learner sees it: a scenario's post first, then the question.</summary>
    public static string StemHtml(Question q)
    {
        var html = LmsHtml.Blocks(q.Stem);
        if (q.Scenario is { } scenario)
        {
            var by = string.Concat(
                scenario.Author is { } a ? " by " + System.Net.WebUtility.HtmlEncode(a) : "",
                scenario.Platform is { } p ? " on " + System.Net.WebUtility.HtmlEncode(p) : "");
            html = $"<p><strong>Post</strong>{by}</p>\n<blockquote>\n{LmsHtml.Blocks(scenario.Post)}\n</blockquote>\n{html}";
        }
        if (q.Type == QuestionType.Multiple) html += "\n<p><em>Select all that apply.</em></p>";
        return html;
    }

    private static IEnumerable<XElement> Metadata(Question q, QtiFlavor flavor, int points)
    {
        var pointsText = points.ToString(CultureInfo.InvariantCulture);
        if (flavor == QtiFlavor.CommonCartridge)
        {
            yield return Field("cc_profile", q.Type switch
            {
                QuestionType.Multiple => "cc.multiple_response.v0p1",
                QuestionType.TrueFalse => "cc.true_false.v0p1",
                _ => "cc.multiple_choice.v0p1",
            });
            // Moodle reads the question's default mark from cc_weighting (an integer 0-99).
            yield return Field("cc_weighting", pointsText);
            yield break;
        }
        yield return Field("question_type", q.Type switch
        {
            QuestionType.Multiple => "multiple_answers_question",
            QuestionType.TrueFalse => "true_false_question",
            _ => "multiple_choice_question",
        });
        yield return Field("points_possible", pointsText);
    }

    /// <summary>
    /// Canvas's layout (lib/cc/qti/qti_items.rb): general feedback on &lt;other/&gt;, one
    /// condition per choice with its feedback (continue=Yes), then the scoring condition.
    /// </summary>
    private static IEnumerable<XElement> CanvasConditions(Question q)
    {
        if (q.Explanation.Count > 0) yield return Other(GeneralFeedbackId);
        foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
            yield return Condition("Yes", Equal(q, choice), null, FeedbackIdent(q, choice));
        yield return Condition("No", CorrectResponse(q, markCase: false), "100", null);
    }

    /// <summary>
    /// The layout Moodle's CC importer reads right (backup/cc/entity11.quiz.class.php): it takes
    /// every continue=Yes condition's feedback as general feedback, a choice's feedback from the
    /// conditions whose first varequal names it, and a single-choice score from the last such
    /// condition. So single choice and true/false get one condition per choice holding both its
    /// score and its feedback; multiple response gets the scoring &lt;and&gt; (correct choices with
    /// case="Yes", which is how Moodle finds them) and then one condition per choice.
    /// </summary>
    private static IEnumerable<XElement> CartridgeConditions(Question q)
    {
        if (q.Explanation.Count > 0) yield return Other(GeneralFeedbackId);
        if (q.Type == QuestionType.Multiple)
        {
            yield return Condition("Yes", CorrectResponse(q, markCase: true), "100", null);
            foreach (var choice in q.Choices.Where(c => c.Feedback.Count > 0))
                yield return Condition("No", Equal(q, choice), null, FeedbackIdent(q, choice));
            yield break;
        }
        foreach (var choice in q.Choices)
            yield return Condition("No", Equal(q, choice), choice.Correct ? "100" : null,
                choice.Feedback.Count > 0 ? FeedbackIdent(q, choice) : null);
    }

    private static XElement CorrectResponse(Question q, bool markCase)
    {
        if (q.Type != QuestionType.Multiple) return Equal(q, q.CorrectChoices.First());
        // Every correct choice ticked and no other: the player's rule for multiple response.
        return new XElement(Ns + "and", q.Choices.Select(c => c.Correct
            ? Equal(q, c, markCase)
            : new XElement(Ns + "not", Equal(q, c))));
    }

    private static XElement Equal(Question q, Choice choice, bool markCase = false) =>
        new(Ns + "varequal", new XAttribute("respident", ResponseId), markCase ? new XAttribute("case", "Yes") : null, ChoiceIdent(q, choice));

    private static XElement Condition(string @continue, XElement test, string? score, string? feedback) =>
        new(Ns + "respcondition", new XAttribute("continue", @continue),
            new XElement(Ns + "conditionvar", test),
            score is null ? null : new XElement(Ns + "setvar", new XAttribute("action", "Set"), new XAttribute("varname", "SCORE"), score),
            feedback is null ? null : new XElement(Ns + "displayfeedback", new XAttribute("feedbacktype", "Response"), new XAttribute("linkrefid", feedback)));

    private static XElement Other(string feedback) =>
        new(Ns + "respcondition", new XAttribute("continue", "Yes"),
            new XElement(Ns + "conditionvar", new XElement(Ns + "other")),
            new XElement(Ns + "displayfeedback", new XAttribute("feedbacktype", "Response"), new XAttribute("linkrefid", feedback)));

    private static XElement Feedback(string ident, string html) =>
        new(Ns + "itemfeedback", new XAttribute("ident", ident),
            new XElement(Ns + "flow_mat", Material(html)));

    public static XElement Material(string html) =>
        new(Ns + "material", new XElement(Ns + "mattext", new XAttribute("texttype", "text/html"), html));

    public static XElement Field(string label, string entry) =>
        new(Ns + "qtimetadatafield", new XElement(Ns + "fieldlabel", label), new XElement(Ns + "fieldentry", entry));
}
