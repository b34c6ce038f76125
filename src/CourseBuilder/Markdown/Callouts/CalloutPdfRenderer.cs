using CourseBuilder.Pdf.Layout;
using CourseBuilder.Markdown.PdfRendering;

namespace CourseBuilder.Markdown.Callouts;

/// <summary>A tinted box with a coloured bar and its label (and title) as the first line.</summary>
public sealed class CalloutPdfRenderer : PdfObjectRenderer<CalloutBlock>
{
    protected override void Write(PdfMarkdownRenderer renderer, CalloutBlock block)
    {
        var styles = renderer.Styles;
        var caution = block.Kind == CalloutKind.Caution;
        var box = new Box(new Frame
        {
            X = 0, Width = 0,
            Fill = caution ? styles.CautionTint : styles.Tint,
            Bar = caution ? styles.CautionBar : styles.Accent,
            BarWidth = 4,
        });
        box.Add(LabelLine(renderer, block.Label, block.Title, caution ? styles.CautionBar : styles.Accent));
        foreach (var child in renderer.RenderChildren(block)) box.Add(child);
        renderer.Add(box);
    }

    /// <summary>"KEY POINT  Title": the label every boxed block starts with.</summary>
    public static Paragraph LabelLine(PdfMarkdownRenderer renderer, string label, string? title, PdfSharp.Drawing.XColor color)
    {
        var styles = renderer.Styles;
        var runs = new List<TextRun> { new(label.ToUpperInvariant(), styles.Label with { Color = color }) };
        if (title is not null) runs.Add(new TextRun("   " + title, styles.Body.WithBold()));
        return new Paragraph(runs, styles.Body) { SpaceBefore = 0, KeepWithNext = true };
    }
}
