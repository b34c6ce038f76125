using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CourseBuilder.Scorm;

/// <summary>
/// What a manifest says about one package, independent of the SCORM version. Every package is
/// one SCO: a module's player, or the whole course's player holding every module.
/// </summary>
/// <param name="ManifestIdentifier">Stable across builds and versions of the course, so an LMS can tell an update from a new package.</param>
/// <param name="ScopeId">The module id, or "course"; makes the organization, item and resource identifiers.</param>
/// <param name="PassMark">Percent needed to pass; null when the SCO has no graded quiz, so no score will ever be reported.</param>
/// <param name="ContentFiles">Every file of the SCO (not the manifest or schemas), '/' paths.</param>
public sealed record ScormPackageInfo(
    string ManifestIdentifier,
    string ScopeId,
    string Title,
    string MetadataTitle,
    string Description,
    IReadOnlyList<string> Keywords,
    string Language,
    string Version,
    int Minutes,
    int? PassMark,
    string LaunchHref,
    IReadOnlyList<string> ContentFiles)
{
    /// <summary>LOM's smallest permitted maximum for a description, which LMSs truncate or reject beyond.</summary>
    public const int MaxDescriptionLength = 1000;

    /// <summary>IMS CP 1.1.2 limits titles to 200 characters (and SCORM 2004's smallest permitted maximum is 200 too).</summary>
    public const int MaxTitleLength = 200;

    public string OrganizationId => $"ORG-{ScopeId}";
    public string ItemId => $"ITEM-{ScopeId}";
    public string ResourceId => $"RES-{ScopeId}";

    /// <summary>Typical learning time as an ISO 8601 duration (PT1H25M), the form both LOM bindings use; null if unknown.</summary>
    public string? LearningTime => Minutes <= 0 ? null
        : "PT" + (Minutes >= 60 ? $"{Minutes / 60}H" : "") + (Minutes % 60 != 0 ? $"{Minutes % 60}M" : "");

    /// <summary>Collapses whitespace (YAML folded text ends in a newline) and cuts at a word boundary with an ellipsis.</summary>
    public static string Clip(string text, int maxLength)
    {
        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length <= maxLength) return collapsed;
        var cut = collapsed[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxLength / 2) cut = cut[..space];
        return cut.TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>A package path as a URI reference for href attributes (xsd:anyURI): each segment percent-encoded.</summary>
    public static string Href(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    public static string Invariant(decimal value) => value.ToString("0.0###", CultureInfo.InvariantCulture);
}

/// <summary>Serialises manifests the same way for both versions: UTF-8 without BOM, two-space indents, '\n' line ends.</summary>
internal static class ManifestWriter
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var memory = new MemoryStream();
        using (var writer = XmlWriter.Create(memory, settings)) document.Save(writer);
        memory.WriteByte((byte)'\n');
        return memory.ToArray();
    }

    /// <summary>xsi:schemaLocation: namespace and file pairs; the files sit at the zip root.</summary>
    public static XAttribute SchemaLocation(params (XNamespace Namespace, string File)[] pairs) =>
        new(Xsi + "schemaLocation", string.Join(" ", pairs.Select(p => $"{p.Namespace.NamespaceName} {p.File}")));
}
