using System.Xml.Linq;

namespace CourseBuilder.Scorm;

/// <summary>
/// imsmanifest.xml for SCORM 2004 4th Edition: IMS CP 1.1.4 in the default namespace, the ADL
/// and IMS SS extensions under their customary prefixes (<c>adlcp:</c>, <c>adlseq:</c>,
/// <c>adlnav:</c>, <c>imsss:</c>; Moodle matches the prefix text) and inline IEEE LOM metadata.
/// </summary>
public static class Scorm2004Manifest
{
    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imscp_v1p1";
    public static readonly XNamespace Adlcp = "http://www.adlnet.org/xsd/adlcp_v1p3";
    public static readonly XNamespace Adlseq = "http://www.adlnet.org/xsd/adlseq_v1p3";
    public static readonly XNamespace Adlnav = "http://www.adlnet.org/xsd/adlnav_v1p3";
    public static readonly XNamespace Imsss = "http://www.imsglobal.org/xsd/imsss";
    public static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/LOM";

    public const string SchemaVersion = "2004 4th Edition";

    /// <summary>LOM's marker for a string in no particular language (a version number).</summary>
    private const string NoLanguage = "x-none";

    public static byte[] Create(ScormPackageInfo info) => ManifestWriter.Serialize(Document(info));

    public static XDocument Document(ScormPackageInfo info)
    {
        var title = ScormPackageInfo.Clip(info.Title, ScormPackageInfo.MaxTitleLength);
        var manifest = new XElement(Cp + "manifest",
            new XAttribute("identifier", info.ManifestIdentifier),
            new XAttribute("version", info.Version),
            new XAttribute("xmlns", Cp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "adlcp", Adlcp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "adlseq", Adlseq.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "adlnav", Adlnav.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "imsss", Imsss.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "lom", Lom.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", ManifestWriter.Xsi.NamespaceName),
            ManifestWriter.SchemaLocation(
                (Cp, "imscp_v1p1.xsd"), (Adlcp, "adlcp_v1p3.xsd"), (Adlseq, "adlseq_v1p3.xsd"),
                (Adlnav, "adlnav_v1p3.xsd"), (Imsss, "imsss_v1p0.xsd"), (Lom, "lom.xsd")),
            new XElement(Cp + "metadata",
                new XElement(Cp + "schema", "ADL SCORM"),
                new XElement(Cp + "schemaversion", SchemaVersion),
                Metadata(info)),
            new XElement(Cp + "organizations",
                new XAttribute("default", info.OrganizationId),
                new XElement(Cp + "organization",
                    new XAttribute("identifier", info.OrganizationId),
                    // Objectives stay inside this package: separately uploaded modules must not share status.
                    new XAttribute(Adlseq + "objectivesGlobalToSystem", "false"),
                    new XElement(Cp + "title", title),
                    new XElement(Cp + "item",
                        new XAttribute("identifier", info.ItemId),
                        new XAttribute("identifierref", info.ResourceId),
                        new XAttribute("isvisible", "true"),
                        new XElement(Cp + "title", title),
                        ItemSequencing(info),
                        // One SCO with its own navigation: the LMS's previous/continue buttons have nowhere to go.
                        new XElement(Adlnav + "presentation",
                            new XElement(Adlnav + "navigationInterface",
                                new XElement(Adlnav + "hideLMSUI", "previous"),
                                new XElement(Adlnav + "hideLMSUI", "continue")))),
                    // The root lets the learner start the SCO directly or by flow ("Start"/"Continue").
                    new XElement(Imsss + "sequencing",
                        new XElement(Imsss + "controlMode",
                            new XAttribute("choice", "true"), new XAttribute("flow", "true"))))),
            new XElement(Cp + "resources",
                new XElement(Cp + "resource",
                    new XAttribute("identifier", info.ResourceId),
                    new XAttribute("type", "webcontent"),
                    new XAttribute(Adlcp + "scormType", "sco"),
                    new XAttribute("href", ScormPackageInfo.Href(info.LaunchHref)),
                    info.ContentFiles.Select(f => new XElement(Cp + "file", new XAttribute("href", ScormPackageInfo.Href(f)))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), manifest);
    }

    /// <summary>
    /// The SCO's sequencing. With a graded quiz, the primary objective is satisfied by measure:
    /// the LMS passes cmi.scaled_passing_score = pass mark / 100 to the SCO and decides
    /// passed/failed from cmi.score.scaled, so success does not depend on the SCO's own verdict.
    /// Without one, no score exists, and the SCO's success status is taken as reported.
    /// For the whole-course package the pass mark is course.yml's and the player's score is the
    /// mean of the module quizzes' best scores: the same rule the player applies (docs/runtime.md,
    /// "Outcome"), so the LMS and the player agree. The player writes the score only once the
    /// result is final, so the measure cannot fail a learner who still has quiz attempts left.
    /// </summary>
    private static XElement ItemSequencing(ScormPackageInfo info)
    {
        var primary = new XElement(Imsss + "primaryObjective",
            new XAttribute("objectiveID", $"PRIMARY-{info.ScopeId}"));
        if (info.PassMark is { } passMark)
        {
            primary.Add(new XAttribute("satisfiedByMeasure", "true"),
                new XElement(Imsss + "minNormalizedMeasure", ScormPackageInfo.Invariant(passMark / 100m)));
        }
        return new XElement(Imsss + "sequencing",
            // Explicit defaults: the SCO's satisfaction, completion and score all roll up to the course.
            new XElement(Imsss + "rollupRules",
                new XAttribute("rollupObjectiveSatisfied", "true"),
                new XAttribute("rollupProgressCompletion", "true"),
                new XAttribute("objectiveMeasureWeight", "1.0")),
            new XElement(Imsss + "objectives", primary),
            // The SCO reports completion and success itself; without these the LMS marks an
            // attempt completed (and satisfied) as soon as the learner leaves, even unfinished.
            new XElement(Imsss + "deliveryControls",
                new XAttribute("tracked", "true"),
                new XAttribute("completionSetByContent", "true"),
                new XAttribute("objectiveSetByContent", "true")));
    }

    /// <summary>IEEE LOM inline: title, language, description, keywords, version, typical learning time.</summary>
    private static XElement Metadata(ScormPackageInfo info)
    {
        XElement LangString(XName name, string text, string language) =>
            new(name, new XElement(Lom + "string", new XAttribute("language", language), text));

        var general = new XElement(Lom + "general",
            new XElement(Lom + "identifier",
                new XElement(Lom + "catalog", "CourseBuilder"),
                new XElement(Lom + "entry", info.ManifestIdentifier)),
            LangString(Lom + "title", ScormPackageInfo.Clip(info.MetadataTitle, ScormPackageInfo.MaxTitleLength), info.Language),
            new XElement(Lom + "language", info.Language),
            LangString(Lom + "description", ScormPackageInfo.Clip(info.Description, ScormPackageInfo.MaxDescriptionLength), info.Language),
            info.Keywords.Select(k => LangString(Lom + "keyword", k, info.Language)));
        var lom = new XElement(Lom + "lom", general,
            new XElement(Lom + "lifeCycle", LangString(Lom + "version", info.Version, NoLanguage)));
        if (info.LearningTime is { } time)
            lom.Add(new XElement(Lom + "educational",
                new XElement(Lom + "typicalLearningTime", new XElement(Lom + "duration", time))));
        return lom;
    }
}
