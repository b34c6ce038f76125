using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

/// <summary>A built SCORM zip opened for inspection, with the checks every package must pass.</summary>
public sealed class ScormPackage
{
    public ScormVersion Version { get; }
    public string Name { get; }
    public IReadOnlyList<ZipArchiveEntry> Entries { get; }
    public IReadOnlyDictionary<string, byte[]> Files { get; }
    public byte[] ManifestBytes { get; }
    public XDocument Manifest { get; }

    private XNamespace Cp => Version == ScormVersion.Scorm12 ? Scorm12Manifest.Cp : Scorm2004Manifest.Cp;

    public ScormPackage(string path, ScormVersion version)
    {
        Version = version;
        Name = Path.GetFileName(path);
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.ToList();
        Files = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }, StringComparer.Ordinal);
        ManifestBytes = Files.TryGetValue("imsmanifest.xml", out var manifest)
            ? manifest
            : throw new Xunit.Sdk.XunitException($"{Name}: no imsmanifest.xml at the zip root");
        Manifest = XDocument.Load(new MemoryStream(ManifestBytes));
    }

    public XElement Resource => Assert.Single(Manifest.Descendants(Cp + "resource"));
    public XElement Item => Assert.Single(Manifest.Descendants(Cp + "item"));

    /// <summary>Schema files named by xsi:schemaLocation (the second of each pair).</summary>
    public IReadOnlyList<string> SchemaLocations =>
        Regex.Split(Manifest.Root!.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "schemaLocation")!.Value.Trim(), @"\s+")
            .Where((_, i) => i % 2 == 1).ToList();

    /// <summary>Every schema file in the package: those named by the manifest and, transitively, what they include or import.</summary>
    public IReadOnlySet<string> SchemaFiles
    {
        get
        {
            var found = new SortedSet<string>(StringComparer.Ordinal);
            var pending = new Queue<string>(SchemaLocations);
            while (pending.TryDequeue(out var file))
            {
                if (!found.Add(file) || !Files.TryGetValue(file, out var bytes) || !file.EndsWith(".xsd", StringComparison.Ordinal) && !file.EndsWith(".dtd", StringComparison.Ordinal)) continue;
                var folder = file.Contains('/') ? file[..(file.LastIndexOf('/') + 1)] : "";
                foreach (var reference in SchemaReferences(bytes))
                    pending.Enqueue(NormalizePath(folder + reference));
            }
            return found;
        }
    }

    /// <summary>schemaLocation of xs:include/xs:import, and the DTD a DOCTYPE names (xml.xsd, XMLSchema.dtd).</summary>
    private static IEnumerable<string> SchemaReferences(byte[] xsd)
    {
        // lom.xsd lists its alternative variants in comments; only live references count.
        var text = Regex.Replace(System.Text.Encoding.UTF8.GetString(xsd), "<!--.*?-->", "", RegexOptions.Singleline);
        foreach (Match m in Regex.Matches(text, @"<(?:\w+:)?(?:include|import)\b[^>]*?schemaLocation\s*=\s*[""']([^""']+)[""']"))
            yield return m.Groups[1].Value;
        foreach (Match m in Regex.Matches(text, @"<!DOCTYPE[^>]*?""([^""]+\.dtd)"""))
            yield return m.Groups[1].Value;
        foreach (Match m in Regex.Matches(text, @"<!ENTITY\s+%\s+[\w-]+\s+(?:SYSTEM|PUBLIC\s+[""'][^""']*[""'])\s+[""']([^""']+\.dtd)[""']"))
            yield return m.Groups[1].Value;
    }

    private static string NormalizePath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..") parts.RemoveAt(parts.Count - 1);
            else if (part is not ("." or "")) parts.Add(part);
        }
        return string.Join('/', parts);
    }

    public IReadOnlyList<string> ListedFiles =>
        Resource.Elements(Cp + "file").Select(f => Uri.UnescapeDataString(f.Attribute("href")!.Value)).ToList();

    public string? Description
    {
        get
        {
            var lom = Version == ScormVersion.Scorm12 ? Scorm12Manifest.Imsmd : Scorm2004Manifest.Lom;
            return Manifest.Descendants(lom + "description").SingleOrDefault()?.Value;
        }
    }

    /// <summary>Runs every check the schemas cannot make, and the schema validation itself.</summary>
    public void AssertConforms(int? expectedPassMark)
    {
        var errors = ManifestValidator.For(Version).Validate(ManifestBytes);
        Assert.True(errors.Count == 0, $"{Name}: the manifest does not validate:\n{string.Join("\n", errors)}");

        Assert.Equal("imsmanifest.xml", Entries[0].FullName);
        Assert.All(Entries, e => Assert.DoesNotContain('\\', e.FullName));

        AssertLiteralPrefixes();
        AssertReferencesResolve();
        AssertFilesListed();
        AssertSchemasShipped();
        AssertMastery(expectedPassMark);

        Assert.NotNull(Description);
        Assert.InRange(Description!.Length, 1, ScormPackageInfo.MaxDescriptionLength);
    }

    private void AssertLiteralPrefixes()
    {
        var expected = Version == ScormVersion.Scorm12
            ? new Dictionary<XNamespace, string> { [Scorm12Manifest.Adlcp] = "adlcp", [Scorm12Manifest.Imsmd] = "imsmd" }
            : new Dictionary<XNamespace, string>
            {
                [Scorm2004Manifest.Adlcp] = "adlcp", [Scorm2004Manifest.Imsss] = "imsss",
                [Scorm2004Manifest.Adlnav] = "adlnav", [Scorm2004Manifest.Adlseq] = "adlseq",
            };
        // Read the raw names: LMS parsers such as Moodle's match "adlcp:scormtype" as text.
        using var reader = XmlReader.Create(new MemoryStream(ManifestBytes));
        var seen = new HashSet<string>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            CheckName(reader.NamespaceURI, reader.Prefix, reader.Name);
            for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                if (reader.Prefix != "xmlns" && reader.Name != "xmlns")
                    CheckName(reader.NamespaceURI, reader.Prefix, reader.Name);
            reader.MoveToElement();
        }
        Assert.Contains("adlcp", seen);
        if (Version == ScormVersion.Scorm2004)
            Assert.Superset(new HashSet<string> { "imsss", "adlseq", "adlnav" }, seen);

        void CheckName(string ns, string prefix, string name)
        {
            if (ns == Cp.NamespaceName)
                Assert.True(prefix == "", $"{Name}: IMS CP element {name} must be in the default namespace");
            else if (expected.TryGetValue(ns, out var wanted))
            {
                Assert.True(prefix == wanted, $"{Name}: {name} must use the prefix {wanted}:");
                seen.Add(prefix);
            }
        }
    }

    private void AssertReferencesResolve()
    {
        var resources = Manifest.Descendants(Cp + "resource").Select(r => r.Attribute("identifier")!.Value).ToHashSet();
        var organizations = Manifest.Descendants(Cp + "organization").Select(o => o.Attribute("identifier")!.Value).ToHashSet();
        Assert.Contains(Manifest.Root!.Element(Cp + "organizations")!.Attribute("default")!.Value, organizations);
        foreach (var reference in Manifest.Descendants().Attributes("identifierref"))
            Assert.True(resources.Contains(reference.Value), $"{Name}: identifierref {reference.Value} names no resource");
        Assert.Equal(Resource.Attribute("identifier")!.Value, Item.Attribute("identifierref")!.Value);
        Assert.Equal("sco", Resource.Attributes().Single(a => a.Name.LocalName.Equals("scormtype", StringComparison.OrdinalIgnoreCase)).Value);
    }

    private void AssertFilesListed()
    {
        var listed = ListedFiles;
        Assert.Equal(listed.Count, listed.Distinct().Count());
        // Every file of the package is listed, schema files included; only the manifest describes itself.
        var content = Files.Keys.Where(f => f != "imsmanifest.xml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(content, listed.Order(StringComparer.Ordinal).ToList());
        var launch = Uri.UnescapeDataString(Resource.Attribute("href")!.Value);
        Assert.Contains(launch, listed);
        Assert.Equal("index.html", launch);
    }

    private void AssertSchemasShipped()
    {
        foreach (var file in SchemaLocations)
            Assert.True(!file.Contains('/') && Files.ContainsKey(file), $"{Name}: schema {file} named by xsi:schemaLocation is not at the zip root");
        foreach (var file in SchemaFiles)
            Assert.True(Files.ContainsKey(file), $"{Name}: schema file {file} (included or imported) is missing");
    }

    private void AssertMastery(int? expectedPassMark)
    {
        if (Version == ScormVersion.Scorm12)
        {
            var mastery = Item.Element(Scorm12Manifest.Adlcp + "masteryscore")?.Value;
            if (expectedPassMark is null) { Assert.Null(mastery); return; }
            Assert.True(int.TryParse(mastery, out var score), $"{Name}: masteryscore '{mastery}' is not an integer");
            Assert.InRange(score, 0, 100);
            Assert.Equal(expectedPassMark, score);
        }
        else
        {
            var ss = Scorm2004Manifest.Imsss;
            var primary = Assert.Single(Item.Element(ss + "sequencing")!.Element(ss + "objectives")!.Elements(ss + "primaryObjective"));
            var measure = primary.Element(ss + "minNormalizedMeasure")?.Value;
            if (expectedPassMark is null)
            {
                Assert.Null(primary.Attribute("satisfiedByMeasure"));
                Assert.Null(measure);
                return;
            }
            Assert.Equal("true", primary.Attribute("satisfiedByMeasure")?.Value);
            Assert.Equal(expectedPassMark / 100m, decimal.Parse(measure!, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
