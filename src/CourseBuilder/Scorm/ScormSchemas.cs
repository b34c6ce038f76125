using CourseBuilder.Html;

namespace CourseBuilder.Scorm;

public enum ScormVersion { Scorm12, Scorm2004 }

/// <summary>
/// The official schema files each package ships (embedded from Scorm/Schemas/, see its README):
/// the ones the manifest names in xsi:schemaLocation, at the zip root, and what those include.
/// </summary>
public static class ScormSchemas
{
    private const string ResourcePrefix = "CourseBuilder.Scorm.Schemas/";

    public static string Folder(ScormVersion version) => version == ScormVersion.Scorm12 ? "scorm12" : "scorm2004-4th";

    /// <summary>Package paths of the schema files, in the order they are listed here.</summary>
    public static IReadOnlyList<string> PackagePaths(ScormVersion version) => version switch
    {
        ScormVersion.Scorm12 =>
        [
            "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd",
            "ims_xml.xsd", // imported by the IMS CP and IMS MD schemas for xml:lang
        ],
        _ =>
        [
            "imscp_v1p1.xsd", "adlcp_v1p3.xsd", "adlseq_v1p3.xsd", "adlnav_v1p3.xsd", "imsss_v1p0.xsd", "lom.xsd",
            // included by imsss_v1p0.xsd
            "imsss_v1p0auxresource.xsd", "imsss_v1p0control.xsd", "imsss_v1p0delivery.xsd", "imsss_v1p0limit.xsd",
            "imsss_v1p0objective.xsd", "imsss_v1p0random.xsd", "imsss_v1p0rollup.xsd", "imsss_v1p0seqrule.xsd",
            "imsss_v1p0util.xsd",
            // imported by imscp_v1p1.xsd; xml.xsd has a DOCTYPE naming XMLSchema.dtd, which references datatypes.dtd
            "xml.xsd", "XMLSchema.dtd", "datatypes.dtd",
            // included or imported by lom.xsd (the strict variants it selects)
            "common/anyElement.xsd", "common/dataTypes.xsd", "common/elementNames.xsd", "common/elementTypes.xsd",
            "common/rootElement.xsd", "common/vocabTypes.xsd", "common/vocabValues.xsd",
            "extend/strict.xsd", "unique/strict.xsd", "vocab/strict.xsd",
        ],
    };

    private static readonly Dictionary<ScormVersion, IReadOnlyList<PackageFile>> Cache = new();

    public static IReadOnlyList<PackageFile> Files(ScormVersion version)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(version, out var cached)) return cached;
            // Resource names carry the build machine's directory separator; compare with '/'.
            var names = EmbeddedFiles.Names(ResourcePrefix)
                .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), StringComparer.Ordinal);
            var files = new List<PackageFile>();
            foreach (var path in PackagePaths(version))
            {
                var key = $"{Folder(version)}/{path}";
                if (!names.TryGetValue(key, out var resource))
                    throw new InvalidOperationException($"schema file {key} is not embedded");
                files.Add(new PackageFile(path, EmbeddedFiles.Read(resource)));
            }
            return Cache[version] = files;
        }
    }
}
