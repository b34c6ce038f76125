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
