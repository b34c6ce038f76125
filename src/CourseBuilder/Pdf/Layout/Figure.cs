using PdfSharp.Drawing;

namespace CourseBuilder.Pdf.Layout;

/// <summary>
/// An image scaled to the text width (or to half a page's height if it is tall), tagged as a
/// Figure with its alt text, followed by its caption. PNG and JPEG are placed as images; simple
/// SVG is drawn as vectors (<see cref="SvgDrawing"/>); anything else gets a bordered box that
/// states the alt text, so the printed guide still says what is shown.
/// </summary>
public sealed class FigureComponent(byte[]? image, SvgDrawing? vector, string altText, IReadOnlyList<TextRun>? caption, string placeholderNote) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var group = new StructNode("Div", area.Parent);
        var figure = new StructNode("Figure", group, altText);
        var first = rows.Count;
        XImage? picture = null;
        if (image is not null)
        {
            try { picture = XImage.FromStream(new MemoryStream(image, writable: false)); }
            catch (Exception) { picture = null; } // unreadable or unsupported: fall back to the described box
        }
        if (picture is not null)
        {
            var width = area.Width;
            var height = width * picture.PixelHeight / Math.Max(1, picture.PixelWidth);
            var maxHeight = ctx.PageContentHeight * 0.5;
            if (height > maxHeight) { width *= maxHeight / height; height = maxHeight; }
            var x = area.X + (area.Width - width) / 2;
            rows.Add(new Row(height, (canvas, top) => canvas.Image(figure, picture, new XRect(x, top, width, height))) { Frames = area.Frames });
        }
        else if (vector is not null)
        {
            var width = area.Width;
            var height = width * vector.Height / vector.Width;
            var maxHeight = ctx.PageContentHeight * 0.5;
            if (height > maxHeight) { width *= maxHeight / height; height = maxHeight; }
            var x = area.X + (area.Width - width) / 2;
            var fonts = ctx.Fonts;
            rows.Add(new Row(height, (canvas, top) =>
            {
                var rect = new XRect(x, top, width, height);
                canvas.Vector(figure, rect, gfx => vector.Draw(gfx, rect, fonts));
            }) { Frames = area.Frames });
        }
        else
        {
            var textStyle = ctx.Styles.Body.WithItalic();
            var lines = LineBreaker.Break([new TextRun(altText, textStyle)], area.Width - 24, ctx.Fonts);
            var noteStyle = ctx.Styles.Small;
            var noteLines = LineBreaker.Break([new TextRun(placeholderNote, noteStyle)], area.Width - 24, ctx.Fonts);
            var lineHeight = textStyle.Size * Leading.Body;
            var noteHeight = noteStyle.Size * Leading.Body;
            var height = 12 + lines.Count * lineHeight + 4 + noteLines.Count * noteHeight + 12;
            var styles = ctx.Styles;
            rows.Add(new Row(height, (canvas, top) =>
            {
                var rect = new XRect(area.X, top, area.Width, height);
                canvas.Fill(XColor.FromArgb(0xf7, 0xf8, 0xfa), rect);
                canvas.StrokeRect(styles.Rule, 1, rect, dashed: true);
                canvas.BeginFigure(figure, rect);
                for (var i = 0; i < lines.Count; i++)
                    Paragraph.DrawLine(canvas, figure, lines[i], area.X + 12, top + 12 + i * lineHeight, lineHeight, lineHeight / 2 + textStyle.Size * 0.36);
                var noteTop = top + 12 + lines.Count * lineHeight + 4;
                for (var i = 0; i < noteLines.Count; i++)
                    Paragraph.DrawLine(canvas, figure, noteLines[i], area.X + 12, noteTop + i * noteHeight, noteHeight, noteHeight / 2 + noteStyle.Size * 0.36);
            }) { Frames = area.Frames });
        }
        rows[first].SpaceBefore = 10;
        if (caption is { Count: > 0 })
        {
            rows[^1].KeepWithNext = true;
            new Paragraph(caption, ctx.Styles.Small, "Caption") { SpaceBefore = 4, Align = Align.Center, KeepTogether = true }
                .Layout(ctx, area.Within(group), rows);
        }
    }
}

/// <summary>A small picture at a fixed height at the left margin: the course logo on the cover, tagged as a Figure.</summary>
public sealed class LogoComponent(byte[] bytes, string altText, double height) : IComponent
{
    public void Layout(LayoutContext ctx, Area area, List<Row> rows)
    {
        var figure = new StructNode("Figure", area.Parent, altText);
        var isRaster = bytes.Length > 3 && (bytes[0] == 0x89 || bytes[0] == 0xFF);
        if (isRaster)
        {
            XImage picture;
            try { picture = XImage.FromStream(new MemoryStream(bytes, writable: false)); }
            catch (Exception) { return; }
            var width = height * picture.PixelWidth / Math.Max(1, picture.PixelHeight);
            rows.Add(new Row(height, (canvas, top) => canvas.Image(figure, picture, new XRect(area.X, top, width, height))) { Frames = area.Frames });
        }
        else if (SvgDrawing.TryParse(bytes) is { } vector)
        {
            var width = height * vector.Width / vector.Height;
            var fonts = ctx.Fonts;
            rows.Add(new Row(height, (canvas, top) =>
            {
                var rect = new XRect(area.X, top, width, height);
                canvas.Vector(figure, rect, gfx => vector.Draw(gfx, rect, fonts));
            }) { Frames = area.Frames });
        }
    }
}
