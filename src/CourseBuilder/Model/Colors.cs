using System.Globalization;

namespace CourseBuilder.Model;

/// <summary>Colour arithmetic for the theme: WCAG relative luminance and contrast.</summary>
public static class Colors
{
    public static bool TryParseHex(string text, out (int R, int G, int B) rgb)
    {
        rgb = default;
        if (text.Length != 7 || text[0] != '#' ||
            !int.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
            return false;
        rgb = ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF);
        return true;
    }

    public static double RelativeLuminance((int R, int G, int B) rgb)
    {
        static double Channel(int c)
        {
            var s = c / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(rgb.R) + 0.7152 * Channel(rgb.G) + 0.0722 * Channel(rgb.B);
    }

    public static double ContrastWithWhite(string hex) =>
        TryParseHex(hex, out var rgb) ? 1.05 / (RelativeLuminance(rgb) + 0.05) : 0;
}
