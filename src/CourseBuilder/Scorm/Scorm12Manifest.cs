using System.Globalization;
using System.Xml.Linq;

namespace CourseBuilder.Scorm;

/// <summary>
/// imsmanifest.xml for SCORM 1.2: IMS CP 1.1.2 in the default namespace, ADL CP 1.2 as
/// <c>adlcp:</c> and inline IMS MD 1.2.1 metadata as <c>imsmd:</c>. The prefixes are fixed
/// because Moodle's parser matches the prefix text (<c>ADLCP:MASTERYSCORE</c>), not the namespace.
/// </summary>
public static class Scorm12Manifest
{
    public static readonly XNamespace Cp = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    public static readonly XNamespace Adlcp = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    public static readonly XNamespace Imsmd = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1";
    private static readonly XNamespace Xml = XNamespace.Xml;

    /// <summary>LOM's marker for a string in no particular language (a version number).</summary>
    private const string NoLanguage = "x-none";

    private const int MaxVersionLength = 20;

    public static byte[] Create(ScormPackageInfo info) => ManifestWriter.Serialize(Document(info));

    public static XDocument Document(ScormPackageInfo info)
    {
        var item = new XElement(Cp + "item",
            new XAttribute("identifier", info.ItemId),
            new XAttribute("identifierref", info.ResourceId),
            new XAttribute("isvisible", "true"),
            new XElement(Cp + "title", ScormPackageInfo.Clip(info.Title, ScormPackageInfo.MaxTitleLength)));
        // The LMS compares cmi.core.score.raw with this to set passed/failed (Moodle does when
        // "mastery score overrides status" is on). Without a graded quiz there is no score to compare.
        // Whole course: course.yml's pass mark against the mean of the module scores, the player's
        // own rule; the player writes that score only when the result is final (docs/runtime.md).
        if (info.PassMark is { } passMark)
            item.Add(new XElement(Adlcp + "masteryscore", passMark.ToString(CultureInfo.InvariantCulture)));

        var manifest = new XElement(Cp + "manifest",
            new XAttribute("identifier", info.ManifestIdentifier),
            // IMS CP 1.1.2 caps the optional version attribute at 20 characters; the LOM version below has no cap.
            info.Version.Length <= MaxVersionLength ? new XAttribute("version", info.Version) : null,
            new XAttribute("xmlns", Cp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "adlcp", Adlcp.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "imsmd", Imsmd.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", ManifestWriter.Xsi.NamespaceName),
            ManifestWriter.SchemaLocation(
                (Cp, "imscp_rootv1p1p2.xsd"), (Imsmd, "imsmd_rootv1p2p1.xsd"), (Adlcp, "adlcp_rootv1p2.xsd")),
            new XElement(Cp + "metadata",
                new XElement(Cp + "schema", "ADL SCORM"),
                new XElement(Cp + "schemaversion", "1.2"),
                Metadata(info)),
            new XElement(Cp + "organizations",
                new XAttribute("default", info.OrganizationId),
                new XElement(Cp + "organization",
                    new XAttribute("identifier", info.OrganizationId),
                    new XElement(Cp + "title", ScormPackageInfo.Clip(info.Title, ScormPackageInfo.MaxTitleLength)),
                    item)),
            new XElement(Cp + "resources",
                new XElement(Cp + "resource",
                    new XAttribute("identifier", info.ResourceId),
                    new XAttribute("type", "webcontent"),
                    new XAttribute(Adlcp + "scormtype", "sco"),
                    new XAttribute("href", ScormPackageInfo.Href(info.LaunchHref)),
                    info.ContentFiles.Select(f => new XElement(Cp + "file", new XAttribute("href", ScormPackageInfo.Href(f)))))));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), manifest);
    }

    /// <summary>IMS MD 1.2.1 (LOM) inline: title, language, description, keywords, version, typical learning time.</summary>
    private static XElement Metadata(ScormPackageInfo info)
    {
        XElement LangString(string text, string language) =>
            new(Imsmd + "langstring", new XAttribute(Xml + "lang", language), text);

        var general = new XElement(Imsmd + "general",
            new XElement(Imsmd + "title", LangString(ScormPackageInfo.Clip(info.MetadataTitle, ScormPackageInfo.MaxTitleLength), info.Language)),
            new XElement(Imsmd + "language", info.Language),
            new XElement(Imsmd + "description", LangString(ScormPackageInfo.Clip(info.Description, ScormPackageInfo.MaxDescriptionLength), info.Language)),
            info.Keywords.Select(k => new XElement(Imsmd + "keyword", LangString(k, info.Language))));
        var lom = new XElement(Imsmd + "lom", general,
            new XElement(Imsmd + "lifecycle",
                new XElement(Imsmd + "version", LangString(info.Version, NoLanguage))));
        if (info.LearningTime is { } time)
            lom.Add(new XElement(Imsmd + "educational",
                new XElement(Imsmd + "typicallearningtime", new XElement(Imsmd + "datetime", time))));
        return lom;
    }
}
