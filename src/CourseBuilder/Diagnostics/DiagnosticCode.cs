namespace CourseBuilder.Diagnostics;

/// <summary>
/// The stable catalogue of diagnostic codes. Codes are never renumbered or reused:
/// authors and CI scripts match on them. docs/diagnostics.md documents each one,
/// and a test keeps that page and this list in step.
/// </summary>
public sealed record DiagnosticCode(string Id, Severity DefaultSeverity, string Title)
{
    // Files and YAML
    public static readonly DiagnosticCode MalformedYaml = new("CB0001", Severity.Error, "Malformed YAML");
    public static readonly DiagnosticCode UnknownKey = new("CB0002", Severity.Warning, "Unknown key");
    public static readonly DiagnosticCode MissingField = new("CB0003", Severity.Error, "Missing required field");
    public static readonly DiagnosticCode InvalidValue = new("CB0004", Severity.Error, "Invalid value");
    public static readonly DiagnosticCode InvalidUtf8 = new("CB0005", Severity.Error, "File is not valid UTF-8");
    public static readonly DiagnosticCode MissingFile = new("CB0006", Severity.Error, "Required file missing");
    public static readonly DiagnosticCode NoModules = new("CB0007", Severity.Error, "Course has no modules");
    public static readonly DiagnosticCode ModuleWithoutLessons = new("CB0008", Severity.Error, "Module has no lessons");
    public static readonly DiagnosticCode UnorderedName = new("CB0009", Severity.Warning, "File or folder name lacks its NN- order prefix");
    public static readonly DiagnosticCode ControlCharacter = new("CB0015", Severity.Error, "Control character in text");
    public static readonly DiagnosticCode NestedTooDeeply = new("CB0016", Severity.Error, "Nested too deeply");
    public static readonly DiagnosticCode YamlAliasRefused = new("CB0017", Severity.Error, "YAML alias or complex key refused");
    public static readonly DiagnosticCode UnusableFileName = new("CB0018", Severity.Error, "Numbered file or folder name cannot become an id");

    // Identity
    public static readonly DiagnosticCode DuplicateModuleId = new("CB0010", Severity.Error, "Duplicate module id");
    public static readonly DiagnosticCode DuplicateLessonId = new("CB0011", Severity.Error, "Duplicate lesson id");
    public static readonly DiagnosticCode DuplicateQuestionId = new("CB0012", Severity.Error, "Duplicate question id");
    public static readonly DiagnosticCode DuplicateObjectiveId = new("CB0013", Severity.Error, "Duplicate objective id");
    public static readonly DiagnosticCode InvalidId = new("CB0014", Severity.Error, "Invalid id");

    // Questions
    public static readonly DiagnosticCode NoCorrectAnswer = new("CB0020", Severity.Error, "Question has no correct answer");
    public static readonly DiagnosticCode SingleChoiceManyCorrect = new("CB0021", Severity.Error, "Single-choice question has more than one correct answer");
    public static readonly DiagnosticCode TooFewChoices = new("CB0022", Severity.Error, "Question has fewer than two choices");
    public static readonly DiagnosticCode EmptyQuestionText = new("CB0023", Severity.Error, "Question text is empty");
    public static readonly DiagnosticCode TooManyChoices = new("CB0024", Severity.Error, "Question has more than 26 choices");
    public static readonly DiagnosticCode NoChoiceList = new("CB0025", Severity.Error, "Question has no choice list");
    public static readonly DiagnosticCode TrueFalseChoices = new("CB0026", Severity.Error, "True/false question needs exactly the choices True and False");
    public static readonly DiagnosticCode MissingFeedback = new("CB0027", Severity.Warning, "Choice has no feedback");
    public static readonly DiagnosticCode MissingExplanation = new("CB0028", Severity.Warning, "Question has no explanation");

    // Quiz and objectives
    public static readonly DiagnosticCode PoolTooSmall = new("CB0030", Severity.Error, "Quiz draws more questions than its pool holds");
    public static readonly DiagnosticCode UndefinedObjective = new("CB0031", Severity.Error, "Objective referenced but not defined");
    public static readonly DiagnosticCode UnassessedObjective = new("CB0032", Severity.Warning, "Objective not assessed by any graded question");
    public static readonly DiagnosticCode QuizWithoutQuestions = new("CB0033", Severity.Error, "Quiz has no questions");
    public static readonly DiagnosticCode BlueprintUnknownObjective = new("CB0034", Severity.Error, "Blueprint names an objective that is not this module's");
    public static readonly DiagnosticCode BlueprintExceedsPool = new("CB0035", Severity.Error, "Blueprint asks for more items of an objective than the pool holds");
    public static readonly DiagnosticCode BlueprintDrawMismatch = new("CB0036", Severity.Error, "Blueprint total differs from draw");
    public static readonly DiagnosticCode BlueprintNeverDraws = new("CB0037", Severity.Warning, "Blueprint never draws some pool questions");

    // Item writing (warnings; `check --strict` makes them errors)
    public static readonly DiagnosticCode PassMarkNeedsPerfectScore = new("CB0100", Severity.Warning, "Pass mark needs a perfect score at the number drawn");
    public static readonly DiagnosticCode PoolSmallerThanTwiceDraw = new("CB0101", Severity.Warning, "Pool smaller than twice the draw");
    public static readonly DiagnosticCode ObjectiveCanBeSkipped = new("CB0102", Severity.Warning, "An attempt can skip an objective");
    public static readonly DiagnosticCode AllOrNoneOfTheAbove = new("CB0103", Severity.Warning, "\"All of the above\" or \"none of the above\" choice");
    public static readonly DiagnosticCode CountCueInMultipleResponse = new("CB0104", Severity.Warning, "Multiple-response stem gives the number of answers");
    public static readonly DiagnosticCode UnemphasisedNegativeStem = new("CB0105", Severity.Warning, "Negative stem not emphasised");
    public static readonly DiagnosticCode TrueFalseKeysOneWay = new("CB0106", Severity.Warning, "True/false keys all one way");
    public static readonly DiagnosticCode LongestOptionIsKey = new("CB0107", Severity.Warning, "The longest choice is the key too often");
    public static readonly DiagnosticCode KnowledgeCheckRepeatsGradedItem = new("CB0108", Severity.Warning, "Knowledge check nearly identical to a graded item");

    // Images, links and assets
    public static readonly DiagnosticCode MissingImage = new("CB0040", Severity.Error, "Image not found");
    public static readonly DiagnosticCode ImageWithoutAlt = new("CB0041", Severity.Error, "Image has no alt text");
    public static readonly DiagnosticCode PathOutsideContent = new("CB0042", Severity.Error, "Link or asset resolves outside the content folder");
    public static readonly DiagnosticCode MissingLinkTarget = new("CB0043", Severity.Error, "Linked file not found");
    public static readonly DiagnosticCode AdjacentFootnotes = new("CB0044", Severity.Warning, "Adjacent footnote references are read as one");
    public static readonly DiagnosticCode UnreadableFile = new("CB0045", Severity.Error, "Not a readable regular file");
    public static readonly DiagnosticCode FileTooLarge = new("CB0046", Severity.Error, "File too large");
    public static readonly DiagnosticCode DamagedImage = new("CB0047", Severity.Error, "Image file is empty or damaged");
    public static readonly DiagnosticCode UrlTooLong = new("CB0048", Severity.Error, "Link too long");

    // Raw HTML and syntax
    public static readonly DiagnosticCode UnsafeHtml = new("CB0050", Severity.Error, "Raw HTML with script");
    public static readonly DiagnosticCode UnknownDirective = new("CB0051", Severity.Warning, "Unknown ::: block");
    public static readonly DiagnosticCode UnknownAttribute = new("CB0052", Severity.Warning, "Unknown attribute on a ::: block");
    public static readonly DiagnosticCode UnclosedDirective = new("CB0053", Severity.Error, "::: block never closed");
    public static readonly DiagnosticCode DuplicateReflectionId = new("CB0054", Severity.Error, "Duplicate reflection id");

    // Templates
    public static readonly DiagnosticCode TemplateError = new("CB0060", Severity.Error, "Template does not compile");
    public static readonly DiagnosticCode TemplateRenderError = new("CB0061", Severity.Error, "Template fails while rendering");
    public static readonly DiagnosticCode UnusedTemplate = new("CB0062", Severity.Warning, "Template is never used");

    // Item analysis (`coursebuilder analyze`): reading LMS results, then findings about graded items
    public static readonly DiagnosticCode UnreadableResults = new("CB0200", Severity.Error, "Results file cannot be read");
    public static readonly DiagnosticCode NegativeDiscrimination = new("CB0201", Severity.Warning, "Item discriminates negatively");
    public static readonly DiagnosticCode LowDiscrimination = new("CB0202", Severity.Warning, "Item discriminates little");
    public static readonly DiagnosticCode ProbablyMiskeyed = new("CB0203", Severity.Warning, "A wrong option attracts the upper group more than the key");
    public static readonly DiagnosticCode TooEasy = new("CB0204", Severity.Warning, "Item too easy");
    public static readonly DiagnosticCode TooHard = new("CB0205", Severity.Warning, "Item too hard");
    public static readonly DiagnosticCode IdleDistractor = new("CB0206", Severity.Warning, "Distractor almost never chosen");
    public static readonly DiagnosticCode UnknownResultQuestion = new("CB0207", Severity.Warning, "Results name a question the content's quizzes do not hold");
    public static readonly DiagnosticCode UnknownResponse = new("CB0208", Severity.Warning, "Response does not map to the question's choices");
    public static readonly DiagnosticCode KeyChanged = new("CB0209", Severity.Warning, "The key in the results differs from the content's");
    public static readonly DiagnosticCode NoAnswersInResults = new("CB0210", Severity.Warning, "Results file holds no answers");
    public static readonly DiagnosticCode MalformedResultRow = new("CB0211", Severity.Warning, "Results row skipped");

    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(DiagnosticCode)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToList();
}
