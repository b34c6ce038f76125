using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using CourseBuilder.Tests.Support;

namespace CourseBuilder.Tests.LmsFormats;

/// <summary>
/// The Common Cartridge 1.1 schemas Moodle's importer validates with (Schemas/cc11, see its
/// SOURCES.md): the manifest through Moodle's wrapper, which imports the four manifest schemas,
/// and each assessment against the CC profile of QTI 1.2.1.
/// </summary>
public static class CartridgeSchemas
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "CourseBuilder.Tests", "Schemas", "cc11");

    private static readonly Lazy<XmlSchemaSet> ManifestSet = new(() => Load("cc11libxml2validator.xsd",
        new XmlQualifiedName("manifest", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1")));
    private static readonly Lazy<XmlSchemaSet> QtiSet = new(() => Load("ccv1p1_qtiasiv1p2p1_v1p0.xsd",
        new XmlQualifiedName("questestinterop", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2")));

    /// <summary>Every validation error of a manifest; empty when it is valid.</summary>
    public static IReadOnlyList<string> ValidateManifest(byte[] xml) => Validate(ManifestSet.Value, xml);

    public static IReadOnlyList<string> ValidateAssessment(byte[] xml) => Validate(QtiSet.Value, xml);

    private static XmlSchemaSet Load(string file, XmlQualifiedName root)
    {
        var problems = new List<string>();
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        // A schema that fails to load is only a warning ("Cannot resolve the 'schemaLocation'
        // attribute") and would leave its elements undeclared, so validation would pass vacuously.
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error || e.Message.Contains("schemaLocation", StringComparison.Ordinal))
                problems.Add(e.Message);
        };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(Path.Combine(Folder, file), settings)) set.Add(null, reader);
        set.Compile();
        if (!set.GlobalElements.Contains(root)) problems.Add($"no declaration of {root}");
        if (problems.Count > 0) throw new InvalidOperationException($"{file} does not load cleanly: {string.Join("; ", problems)}");
        return set;
    }

    private static List<string> Validate(XmlSchemaSet schemas, byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read()) { }
        return errors;
    }
}
