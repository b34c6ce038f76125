using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// PDFsharp cannot place SVG, so simple diagrams are drawn as vectors from their shapes: rect,
/// circle, ellipse, line, polyline, polygon, straight-line paths and plain text, with fill,
/// stroke, opacity and font attributes inherited through groups. Anything else (transforms,
/// curves, gradients, CSS, embedded images) makes <see cref="TryParse"/> return null, and the
/// figure prints as a described box instead of a wrong picture.
/// </summary>
public sealed class SvgDrawing
{
    private static readonly HashSet<string> Skipped = ["title", "desc", "metadata"];

    private readonly List<Action<XGraphics, Mapper, FontBook>> _shapes = [];

    private SvgDrawing(double x, double y, double width, double height)
    {
        ViewX = x; ViewY = y; Width = width; Height = height;
    }

    public double ViewX { get; }
    public double ViewY { get; }
    public double Width { get; }
    public double Height { get; }

    private sealed record Mapper(double OffsetX, double OffsetY, double Scale, double ViewX, double ViewY)
    {
        public double X(double x) => OffsetX + (x - ViewX) * Scale;
        public double Y(double y) => OffsetY + (y - ViewY) * Scale;
        public double L(double length) => length * Scale;
    }

    private sealed class UnsupportedSvg : Exception;

    public static SvgDrawing? TryParse(byte[] bytes)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "svg") return null;
            var box = Numbers(root.Attribute("viewBox")?.Value);
            var drawing = box.Count == 4
                ? new SvgDrawing(box[0], box[1], box[2], box[3])
                : new SvgDrawing(0, 0, Number(root, "width"), Number(root, "height"));
            if (drawing.Width <= 0 || drawing.Height <= 0) return null;
            drawing.Collect(root, new Dictionary<string, string>());
            return drawing;
        }
        catch (Exception e) when (e is UnsupportedSvg or XmlException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Draws the picture scaled uniformly into the rectangle.</summary>
    public void Draw(XGraphics gfx, XRect target, FontBook fonts)
    {
        var scale = Math.Min(target.Width / Width, target.Height / Height);
        var map = new Mapper(target.X, target.Y, scale, ViewX, ViewY);
        foreach (var shape in _shapes) shape(gfx, map, fonts);
    }

    private static readonly string[] Inherited = ["fill", "stroke", "stroke-width", "opacity", "font-size", "font-weight", "font-style", "text-anchor", "stroke-dasharray"];

    /// <summary>Groups inside groups; deeper drawings print as a described box (the loader reports them too).</summary>
    private const int MaxDepth = 64;

    private void Collect(XElement element, Dictionary<string, string> inherited, int depth = 0)
    {
        if (depth > MaxDepth) throw new UnsupportedSvg();
        if (element.Attribute("transform") is not null || element.Attribute("style") is not null || element.Attribute("clip-path") is not null)
            throw new UnsupportedSvg();
        var style = new Dictionary<string, string>(inherited);
        foreach (var name in Inherited)
            if (element.Attribute(name)?.Value is { } v) style[name] = v;
        foreach (var child in element.Elements())
        {
            var name = child.Name.LocalName;
            if (Skipped.Contains(name)) continue;
            var own = new Dictionary<string, string>(style);
            foreach (var key in Inherited)
                if (child.Attribute(key)?.Value is { } v) own[key] = v;
            if (child.Attribute("transform") is not null || child.Attribute("style") is not null) throw new UnsupportedSvg();
            switch (name)
            {
                case "g": Collect(child, style, depth + 1); break;
                case "rect": AddRect(child, own); break;
                case "circle": AddEllipse(Number(child, "cx"), Number(child, "cy"), Number(child, "r"), Number(child, "r"), own); break;
                case "ellipse": AddEllipse(Number(child, "cx"), Number(child, "cy"), Number(child, "rx"), Number(child, "ry"), own); break;
                case "line": AddLines([Number(child, "x1"), Number(child, "y1"), Number(child, "x2"), Number(child, "y2")], closed: false, own, forceNoFill: true); break;
                case "polyline": AddLines(Numbers(child.Attribute("points")?.Value), closed: false, own); break;
                case "polygon": AddLines(Numbers(child.Attribute("points")?.Value), closed: true, own); break;
                case "path": AddPath(child.Attribute("d")?.Value ?? "", own); break;
                case "text": AddText(child, own); break;
                default: throw new UnsupportedSvg();
            }
        }
    }

    private void AddRect(XElement e, Dictionary<string, string> style)
    {
        double x = Number(e, "x"), y = Number(e, "y"), w = Number(e, "width"), h = Number(e, "height");
        var rx = e.Attribute("rx") is not null ? Number(e, "rx") : e.Attribute("ry") is not null ? Number(e, "ry") : 0;
        var ry = e.Attribute("ry") is not null ? Number(e, "ry") : rx;
        // SVG draws nothing for a negative width or height (an error in the spec); PDFsharp would throw.
        if (w <= 0 || h <= 0) return;
        rx = Math.Clamp(rx, 0, w / 2);
        ry = Math.Clamp(ry, 0, h / 2);
        var (pen, brush) = Paint(style, defaultFill: true);
        _shapes.Add((gfx, m, _) =>
        {
            var rect = new XRect(m.X(x), m.Y(y), m.L(w), m.L(h));
            if (rx > 0) Rounded(gfx, pen(m), brush, rect, new XSize(m.L(rx) * 2, m.L(ry) * 2));
            else if (pen(m) is { } p && brush is not null) gfx.DrawRectangle(p, brush, rect);
            else if (pen(m) is { } p2) gfx.DrawRectangle(p2, rect);
            else if (brush is not null) gfx.DrawRectangle(brush, rect);
        });
    }

    private static void Rounded(XGraphics gfx, XPen? pen, XBrush? brush, XRect rect, XSize corner)
    {
        if (pen is not null && brush is not null) gfx.DrawRoundedRectangle(pen, brush, rect, corner);
        else if (pen is not null) gfx.DrawRoundedRectangle(pen, rect, corner);
        else if (brush is not null) gfx.DrawRoundedRectangle(brush, rect, corner);
    }

    private void AddEllipse(double cx, double cy, double rx, double ry, Dictionary<string, string> style)
    {
        if (rx <= 0 || ry <= 0) return; // nothing to draw, as in a browser
        var (pen, brush) = Paint(style, defaultFill: true);
        _shapes.Add((gfx, m, _) =>
        {
            var rect = new XRect(m.X(cx - rx), m.Y(cy - ry), m.L(rx * 2), m.L(ry * 2));
            if (pen(m) is { } p && brush is not null) gfx.DrawEllipse(p, brush, rect);
            else if (pen(m) is { } p2) gfx.DrawEllipse(p2, rect);
            else if (brush is not null) gfx.DrawEllipse(brush, rect);
        });
    }

    private void AddLines(IReadOnlyList<double> points, bool closed, Dictionary<string, string> style, bool forceNoFill = false)
    {
        if (points.Count < 4 || points.Count % 2 != 0) throw new UnsupportedSvg();
        AddFigures([Enumerable.Range(0, points.Count / 2).Select(i => (points[2 * i], points[2 * i + 1])).ToList()], closed, style, forceNoFill);
    }

    /// <summary>Straight-line paths only: M, L, H, V, Z in absolute or relative form.</summary>
    private void AddPath(string d, Dictionary<string, string> style)
    {
        var figures = new List<List<(double X, double Y)>>();
        List<(double X, double Y)>? current = null;
        double x = 0, y = 0;
        var closed = false;
        var tokens = System.Text.RegularExpressions.Regex.Matches(d, @"[A-Za-z]|-?\d*\.?\d+(?:e-?\d+)?").Select(t => t.Value).ToList();
        var i = 0;
        char command = ' ';
        double Next() => double.Parse(tokens[i++], CultureInfo.InvariantCulture);
        while (i < tokens.Count)
        {
            if (char.IsLetter(tokens[i][0])) command = tokens[i++][0];
            switch (command)
            {
                case 'M' or 'm':
                    var (mx, my) = (Next(), Next());
                    (x, y) = command == 'm' ? (x + mx, y + my) : (mx, my);
                    current = [(x, y)];
                    figures.Add(current);
                    command = command == 'm' ? 'l' : 'L';
                    break;
                case 'L' or 'l':
                    var (lx, ly) = (Next(), Next());
                    (x, y) = command == 'l' ? (x + lx, y + ly) : (lx, ly);
                    (current ?? throw new UnsupportedSvg()).Add((x, y));
                    break;
                case 'H' or 'h':
                    var hx = Next();
                    x = command == 'h' ? x + hx : hx;
                    (current ?? throw new UnsupportedSvg()).Add((x, y));
                    break;
                case 'V' or 'v':
                    var vy = Next();
                    y = command == 'v' ? y + vy : vy;
                    (current ?? throw new UnsupportedSvg()).Add((x, y));
                    break;
                case 'Z' or 'z':
                    closed = true;
                    break;
                default:
                    throw new UnsupportedSvg();
            }
        }
        if (figures.Count == 0) return;
        AddFigures(figures, closed, style, forceNoFill: false);
    }

    private void AddFigures(List<List<(double X, double Y)>> figures, bool closed, Dictionary<string, string> style, bool forceNoFill)
    {
        var (pen, brush) = Paint(style, defaultFill: !forceNoFill);
        if (forceNoFill) brush = null;
        _shapes.Add((gfx, m, _) =>
        {
            // One path per subpath: PDFsharp joins figures of a single path with a line.
            foreach (var figure in figures.Where(f => f.Count >= 2))
            {
                var path = new XGraphicsPath();
                path.AddLines(figure.Select(p => new XPoint(m.X(p.X), m.Y(p.Y))).ToArray());
                if (closed) path.CloseFigure();
                if (pen(m) is { } p && brush is not null) gfx.DrawPath(p, brush, path);
                else if (pen(m) is { } p2) gfx.DrawPath(p2, path);
                else if (brush is not null) gfx.DrawPath(brush, path);
            }
        });
    }

    private void AddText(XElement e, Dictionary<string, string> style)
    {
        if (e.Elements().Any()) throw new UnsupportedSvg(); // tspans and the like
        var text = string.Join(" ", e.Value.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0) return;
        double x = Number(e, "x"), y = Number(e, "y");
        var size = style.TryGetValue("font-size", out var fs) ? ParseLength(fs) : 16;
        if (size <= 0) return;
        var bold = style.TryGetValue("font-weight", out var fw) && (fw == "bold" || int.TryParse(fw, out var weight) && weight >= 600);
        var italic = style.TryGetValue("font-style", out var fst) && fst is "italic" or "oblique";
        var anchor = style.GetValueOrDefault("text-anchor", "start");
        var color = Color(style.GetValueOrDefault("fill", "#000000"), Opacity(style)) ?? XColors.Black;
        _shapes.Add((gfx, m, fonts) =>
        {
            var face = bold ? (italic ? Face.BoldItalic : Face.Bold) : italic ? Face.Italic : Face.Regular;
            var runs = FontFallback.Apply([new TextRun(text, new TextStyle(face, m.L(size), color))]);
            var width = runs.Sum(r => fonts.Width(r.Text, r.Style));
            var left = m.X(x) - anchor switch { "middle" => width / 2, "end" => width, _ => 0 };
            foreach (var run in runs)
            {
                gfx.DrawString(run.Text, fonts.Font(run.Style), fonts.Brush(run.Style.Color), left, m.Y(y));
                left += fonts.Width(run.Text, run.Style);
            }
        });
    }

    private static (Func<Mapper, XPen?> Pen, XBrush? Brush) Paint(Dictionary<string, string> style, bool defaultFill)
    {
        var opacity = Opacity(style);
        var fill = style.TryGetValue("fill", out var f) ? Color(f, opacity) : defaultFill ? XColor.FromArgb((int)(255 * opacity), 0, 0, 0) : null;
        var stroke = style.TryGetValue("stroke", out var s) ? Color(s, opacity) : null;
        var width = style.TryGetValue("stroke-width", out var w) ? ParseLength(w) : 1;
        var dashed = style.TryGetValue("stroke-dasharray", out var dash) && dash != "none";
        XBrush? brush = fill is { } fc ? new XSolidBrush(fc) : null;
        return (m => stroke is { } sc ? new XPen(sc, Math.Max(0.25, m.L(width))) { DashStyle = dashed ? XDashStyle.Dash : XDashStyle.Solid } : null, brush);
    }

    private static double Opacity(Dictionary<string, string> style) =>
        style.TryGetValue("opacity", out var o) && double.TryParse(o, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? Math.Clamp(v, 0, 1) : 1;

    private static XColor? Color(string value, double opacity)
    {
        value = value.Trim().ToLowerInvariant();
        var alpha = (int)Math.Round(255 * opacity);
        if (value is "none" or "transparent") return null;
        if (value.StartsWith('#') && value.Length == 4)
            value = "#" + string.Concat(value[1..].Select(c => $"{c}{c}"));
        if (GuideStyles.ParseColor(value) is { } rgb) return XColor.FromArgb(alpha, rgb.R, rgb.G, rgb.B);
        return value switch
        {
            "white" => XColor.FromArgb(alpha, 255, 255, 255),
            "black" => XColor.FromArgb(alpha, 0, 0, 0),
            _ => throw new UnsupportedSvg(),
        };
    }

    private static double Number(XElement e, string name) => e.Attribute(name)?.Value is { } v ? ParseLength(v) : 0;

    private static double ParseLength(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.EndsWith("px", StringComparison.Ordinal)) trimmed = trimmed[..^2];
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) throw new UnsupportedSvg();
        return v;
    }

    private static List<double> Numbers(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[])[' ', ',', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(ParseLength).ToList();
}
