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
    public void Hrefs_are_percent_encoded_per_segment()
    {
        Assert.Equal("modules/01-x/my%20figure.svg", ScormPackageInfo.Href("modules/01-x/my figure.svg"));
        Assert.Equal("index.html", ScormPackageInfo.Href("index.html"));
    }
}
