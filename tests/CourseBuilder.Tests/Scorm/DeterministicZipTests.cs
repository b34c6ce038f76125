using System.IO.Compression;
using CourseBuilder.Html;
using CourseBuilder.Scorm;

namespace CourseBuilder.Tests.Scorm;

public class DeterministicZipTests
{
    private static readonly DateOnly Release = new(2026, 11, 27);

    [Fact]
    public void Input_order_does_not_change_the_bytes()
    {
        PackageFile[] files = [new("b/two.txt", "two"u8.ToArray()), new("imsmanifest.xml", "<m/>"u8.ToArray()), new("a.txt", "one"u8.ToArray())];
        var stamp = DeterministicZip.Timestamp(Release, null);

        var forward = DeterministicZip.Create(files, stamp);
        var backward = DeterministicZip.Create(files.Reverse(), stamp);

        Assert.Equal(forward, backward);
        using var zip = new ZipArchive(new MemoryStream(forward));
        Assert.Equal(["imsmanifest.xml", "a.txt", "b/two.txt"], zip.Entries.Select(e => e.FullName));
    }

    [Fact]
    public void The_time_zone_of_the_timestamp_does_not_change_the_bytes()
    {
        PackageFile[] files = [new("a.txt", "one"u8.ToArray())];
        var utc = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(DeterministicZip.Create(files, utc), DeterministicZip.Create(files, utc.ToOffset(TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void Local_headers_carry_no_extra_fields_and_the_fixed_time()
    {
        PackageFile[] files = [new("imsmanifest.xml", "<m/>"u8.ToArray()), new("runtime/lms.js", new byte[5000])];
        var bytes = DeterministicZip.Create(files, new DateTimeOffset(2026, 11, 27, 13, 45, 30, TimeSpan.Zero));

        // Walk the local file headers (PKWARE APPNOTE 4.3.7): extra fields are where tools put
        // varying data such as access times and Unix ids.
        var offset = 0;
        var entries = 0;
        while (BitConverter.ToUInt32(bytes, offset) == 0x04034b50)
        {
            var dosTime = BitConverter.ToUInt16(bytes, offset + 10);
            var dosDate = BitConverter.ToUInt16(bytes, offset + 12);
            var compressed = BitConverter.ToInt32(bytes, offset + 18);
            var nameLength = BitConverter.ToUInt16(bytes, offset + 26);
            var extraLength = BitConverter.ToUInt16(bytes, offset + 28);
            Assert.Equal(0, extraLength);
            Assert.Equal((13 << 11) | (45 << 5) | (30 / 2), dosTime);
            Assert.Equal(((2026 - 1980) << 9) | (11 << 5) | 27, dosDate);
            offset += 30 + nameLength + extraLength + compressed;
            entries++;
        }
        Assert.Equal(2, entries);
    }

    [Fact]
    public void SOURCE_DATE_EPOCH_wins_over_the_release_date()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), DeterministicZip.Timestamp(Release, null));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), DeterministicZip.Timestamp(Release, "not a number"));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), DeterministicZip.Timestamp(Release, "1700000000"));
    }

    [Fact]
    public void Duplicate_and_backslash_paths_are_refused()
    {
        var stamp = DeterministicZip.Timestamp(Release, null);
        Assert.Throws<InvalidOperationException>(() => DeterministicZip.Create([new("a.txt", []), new("a.txt", [])], stamp));
        Assert.Throws<InvalidOperationException>(() => DeterministicZip.Create([new("images\\a.png", [])], stamp));
    }

    [Fact]
    public void Every_entry_reads_back_intact_text_deflated_noise_stored_and_unicode_names_flagged()
    {
        var noise = new byte[20_000];
        new Random(7).NextBytes(noise);
        var text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>Professional use of social media.</p>\n", 500)));
        PackageFile[] files = [new("imsmanifest.xml", "<m/>"u8.ToArray()), new("index.html", text), new("modules/x/photo.png", noise), new("modules/x/résumé.txt", "é"u8.ToArray()), new("empty.txt", [])];
        var bytes = DeterministicZip.Create(files, DeterministicZip.Timestamp(Release, null));

        using (var zip = new ZipArchive(new MemoryStream(bytes)))
        {
            Assert.Equal(files.Length, zip.Entries.Count);
            foreach (var file in files)
            {
                var entry = zip.GetEntry(file.Path) ?? throw new Xunit.Sdk.XunitException($"{file.Path} is missing");
                using var read = new MemoryStream();
                entry.Open().CopyTo(read);
                Assert.Equal(file.Content, read.ToArray());
                Assert.Equal(file.Content.Length, entry.Length);
                Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(file.Content), entry.Crc32);
            }
            Assert.True(zip.GetEntry("index.html")!.CompressedLength < text.Length / 10, "text is deflated");
            Assert.Equal(noise.Length, zip.GetEntry("modules/x/photo.png")!.CompressedLength); // stored: deflate would grow it
        }

        // The central directory's general-purpose flags: bit 11 (UTF-8 name) only on the non-ASCII path.
        var flags = new Dictionary<string, int>();
        var at = bytes.Length - 22;
        var directory = BitConverter.ToInt32(bytes, at + 16);
        for (var i = 0; i < files.Length; i++)
        {
            Assert.Equal(0x02014b50u, BitConverter.ToUInt32(bytes, directory));
            Assert.Equal(0x0314, BitConverter.ToUInt16(bytes, directory + 4)); // made by Unix, whatever builds it
            var nameLength = BitConverter.ToUInt16(bytes, directory + 28);
            flags[System.Text.Encoding.UTF8.GetString(bytes, directory + 46, nameLength)] = BitConverter.ToUInt16(bytes, directory + 8);
            directory += 46 + nameLength;
        }
        Assert.Equal(1 << 11, flags["modules/x/résumé.txt"]);
        Assert.Equal(0, flags["index.html"]);
    }

    [Fact]
    public void A_file_shared_by_many_packages_gives_the_same_bytes_in_each()
    {
        var shared = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("var scorm = 1;\n", 300)));
        var stamp = DeterministicZip.Timestamp(Release, null);
        var first = DeterministicZip.Create([new("runtime/lms.js", shared), new("index.html", "<p>one</p>"u8.ToArray())], stamp);
        var second = DeterministicZip.Create([new("runtime/lms.js", shared), new("index.html", "<p>one</p>"u8.ToArray())], stamp);
        var copy = DeterministicZip.Create([new("runtime/lms.js", shared.ToArray()), new("index.html", "<p>one</p>"u8.ToArray())], stamp);
        Assert.Equal(first, second);
        Assert.Equal(first, copy);
    }

    [Fact]
    public void Hrefs_are_percent_encoded_per_segment()
    {
        Assert.Equal("modules/01-x/my%20figure.svg", ScormPackageInfo.Href("modules/01-x/my figure.svg"));
        Assert.Equal("index.html", ScormPackageInfo.Href("index.html"));
    }
}
