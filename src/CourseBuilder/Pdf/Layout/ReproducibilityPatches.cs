namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// Same input, same bytes: what PDFsharp leaves random in a saved PDF, replaced in place by values
/// derived from the input. In-place edits of equal length keep every offset in the file valid.
/// </summary>
internal static class ReproducibilityPatches
{
    /// <summary>The trailer document ID, from the guide's identity seed instead of a random GUID.</summary>
    public static string Identity(string seed)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed));
        return Convert.ToHexString(hash, 0, 16);
    }

    /// <summary>
    /// PDFsharp 6.2 writes random UUIDs as the XMP DocumentID and InstanceID, in a stream it does
    /// not compress. Overwriting them in place with UUIDs derived from the input keeps every
    /// length and offset valid and makes the bytes repeatable.
    /// </summary>
    public static void FixXmpIds(byte[] pdf, string identity)
    {
        foreach (var (tag, salt) in new[] { ("<xmpMM:DocumentID>uuid:", "document"), ("<xmpMM:InstanceID>uuid:", "instance") })
        {
            var marker = System.Text.Encoding.ASCII.GetBytes(tag);
            var at = pdf.AsSpan().IndexOf(marker);
            if (at < 0) continue;
            var start = at + marker.Length;
            if (start + 36 > pdf.Length || pdf[start + 8] != (byte)'-') continue;
            var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity + "|" + salt));
            var uuid = new Guid(hash.AsSpan(0, 16)).ToString("D");
            System.Text.Encoding.ASCII.GetBytes(uuid).CopyTo(pdf, start);
        }
    }

    /// <summary>
    /// PDFsharp tags each font subset with a random six-letter prefix ("ABCDEF+Open Sans"). The
    /// prefixes are replaced, in place, by ones numbered in order of first appearance.
    /// </summary>
    public static void FixSubsetPrefixes(byte[] pdf)
    {
        // A byte scan, not a regex over the decoded file: whole-course guides run to tens of MB.
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        var span = pdf.AsSpan();
        for (var at = 0; ; )
        {
            var found = span[at..].IndexOf("Font"u8);
            if (found < 0) break;
            var font = at + found;
            at = font + 4;
            int prefix;
            if (font >= 1 && pdf[font - 1] == '/' && span[font..].StartsWith("FontName/"u8)) prefix = font + 9;
            else if (font >= 5 && span[(font - 5)..].StartsWith("/BaseFont/"u8)) prefix = font + 5;
            else continue;
            if (prefix + 7 > pdf.Length || pdf[prefix + 6] != '+') continue;
            var letters = span.Slice(prefix, 6);
            if (letters.ContainsAnyExceptInRange((byte)'A', (byte)'Z')) continue;
            var random = System.Text.Encoding.ASCII.GetString(letters);
            if (!replacements.TryGetValue(random, out var fixedPrefix))
            {
                var n = replacements.Count;
                fixedPrefix = "CB" + new string([(char)('A' + n / 676 % 26), (char)('A' + n / 26 % 26), (char)('A' + n % 26), 'S']);
                replacements[random] = fixedPrefix;
            }
            System.Text.Encoding.ASCII.GetBytes(fixedPrefix).CopyTo(pdf, prefix);
        }
    }
}
