using CourseBuilder.Model;

namespace CourseBuilder.Html;

/// <summary>What a player page shows: one module, or every module for a whole-course package.</summary>
public sealed record PlayerPage(
    Course Course,
    /// <summary>The module this page plays, or null for the whole course.</summary>
    Module? Module,
    IReadOnlyList<PlayerModule> Modules,
    /// <summary>The JSON the runtime reads (quiz keys, page list, settings), already safe to embed in a script element.</summary>
    string DataJson,
    /// <summary>Paths of the runtime's files, relative to the page.</summary>
    IReadOnlyList<string> Scripts,
    IReadOnlyList<string> Stylesheets)
{
    public string Title => Module?.Title ?? Course.Title;
    public string Language => Course.Language;
}

public sealed record PlayerModule(Module Module, IReadOnlyList<PlayerSection> Sections);

public enum SectionKind { Lesson, Quiz }

/// <summary>One page of the player: a lesson, or the module's quiz. <see cref="Html"/> is the rendered Markdown.</summary>
public sealed record PlayerSection(string Id, string ModuleId, SectionKind Kind, string Title, int Minutes, string Html);
