using CourseBuilder.Tests.Support;
using System.Collections.Concurrent;
using System.Xml;
using System.Xml.Schema;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>
/// Validates a manifest against the official XSDs our packages ship (src/CourseBuilder/Scorm/Schemas) through the
/// validate.xsd wrapper of its version, which imports every namespace a manifest may use
/// (the IMS CP schemas' wildcards need them loaded).
/// </summary>
public sealed class ManifestValidator
{
    private static readonly ConcurrentDictionary<ScormVersion, Lazy<ManifestValidator>> Instances = new();

    private readonly XmlSchemaSet _schemas;

    private ManifestValidator(ScormVersion version, string folder)
    {
        var resolver = version == ScormVersion.Scorm12 ? new Scorm12RepairingResolver() : new XmlUrlResolver();
        // The 2004 set's xml.xsd carries a DOCTYPE for XMLSchema.dtd; parsing it (from local
        // files) is needed to read the schema at all.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = resolver };
        _schemas = new XmlSchemaSet { XmlResolver = resolver };
        var problems = new List<string>();
        // A schema that fails to load is only a warning to XmlSchemaSet ("Cannot resolve the
        // 'schemaLocation' attribute") and leaves its elements undeclared: validation would then
        // pass vacuously. Other warnings (the LOM set's empty extension choice) are harmless.
        _schemas.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error || e.Message.Contains("schemaLocation", StringComparison.Ordinal))
                problems.Add($"{e.Severity}: {e.Message}");
        };
        var wrapper = Path.Combine(folder, "validate.xsd");
        using (var reader = XmlReader.Create(wrapper, settings)) _schemas.Add(null, reader);
        _schemas.Compile();
        var root = new XmlQualifiedName("manifest", (version == ScormVersion.Scorm12 ? Scorm12Manifest.Cp : Scorm2004Manifest.Cp).NamespaceName);
        if (!_schemas.GlobalElements.Contains(root)) problems.Add($"no declaration of {root}");
        if (problems.Count > 0)
            throw new InvalidOperationException($"the schemas behind {wrapper} do not load cleanly: {string.Join("; ", problems)}");
    }

    /// <summary>
    /// Two defects in the official SCORM 1.2 schemas stop .NET from loading them (libxml2 lets
    /// both pass). The shipped files stay untouched; only this validator reads repaired text:
    /// <list type="bullet">
    /// <item>ims_xml.xsd binds the default namespace to the xml namespace, which XML forbids
    /// (SOURCES.md notes libxml2's complaint); .NET cannot read the file, so xml:lang is undeclared.</item>
    /// <item>imsmd_rootv1p2p1.xsd's extension wildcard is ##any, so in its mixed sequences it
    /// overlaps the IMS MD elements themselves and breaks the Unique Particle Attribution rule.
    /// ##other, what its own annotation and the IMS CP schema use, is the stricter reading.</item>
    /// </list>
    /// </summary>
    private sealed class Scorm12RepairingResolver : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var name = Path.GetFileName(absoluteUri.LocalPath);
            string? Repair(string from, string to)
            {
                var text = File.ReadAllText(absoluteUri.LocalPath);
                if (!text.Contains(from, StringComparison.Ordinal))
                    throw new InvalidOperationException($"{name} no longer has the defect this validator repairs ({from})");
                return text.Replace(from, to, StringComparison.Ordinal);
            }
            var repaired = name switch
            {
                "ims_xml.xsd" => Repair("xmlns=\"http://www.w3.org/XML/1998/namespace\"", ""),
                "imsmd_rootv1p2p1.xsd" => Repair("namespace=\"##any\"", "namespace=\"##other\""),
                _ => null,
            };
            return repaired is null
                ? base.GetEntity(absoluteUri, role, ofObjectToReturn)
                : new MemoryStream(System.Text.Encoding.UTF8.GetBytes(repaired));
        }
    }

    public static ManifestValidator For(ScormVersion version) =>
        Instances.GetOrAdd(version, v => new Lazy<ManifestValidator>(() => new ManifestValidator(
            v, Path.Combine(TestPaths.ScormSchemas, v == ScormVersion.Scorm12 ? "scorm12" : "scorm2004-4th")))).Value;

    /// <summary>Every schema error in the manifest, as "line:column: message"; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(byte[] manifest)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
                errors.Add($"{e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(manifest), settings);
            var rootChecked = false;
            while (reader.Read())
            {
                if (rootChecked || reader.NodeType != XmlNodeType.Element) continue;
                rootChecked = true;
                // An undeclared root is only a warning to the reader; for a manifest it means nothing was checked.
                if (reader.SchemaInfo?.SchemaElement is null)
                    errors.Add($"root element {{{reader.NamespaceURI}}}{reader.LocalName} is not declared by the schemas");
            }
        }
        catch (XmlException ex)
        {
            errors.Add($"{ex.LineNumber}:{ex.LinePosition}: malformed XML: {ex.Message}");
        }
        return errors;
    }
}
