using ScottPlot;
using SkiaSharp;

namespace EffNetBench.Core.Reporting.Plots;

/// <summary>
/// Puts point labels where they overlap neither each other nor the markers: tries a few spots around each point,
/// in pixels of the final layout, first avoiding the drawn lines as well, and leaves a label out rather than print
/// it over another one.
/// </summary>
internal sealed class LabelPlacer
{
    private const float Gap = 7;
    private const float MarkerRadius = 6;

    /// <summary>Spots tried in order: right of the point first, reading like a table.</summary>
    private static readonly (Alignment Alignment, float Dx, float Dy)[] Spots =
    [
        (Alignment.MiddleLeft, Gap, 0),
        (Alignment.LowerLeft, Gap - 2, -3),
        (Alignment.UpperLeft, Gap - 2, 3),
        (Alignment.MiddleRight, -Gap, 0),
        (Alignment.LowerCenter, 0, -Gap),
        (Alignment.UpperCenter, 0, Gap),
        (Alignment.LowerRight, -Gap + 2, -3),
        (Alignment.UpperRight, -Gap + 2, 3),
    ];

    private readonly PlotFigure figure;
    private readonly List<SKRect> taken = [];
    private readonly List<(SKPoint A, SKPoint B)> lines = [];
    private readonly SKRect dataArea;

    /// <summary>Call after <see cref="PlotFigure.Layout"/>, with every marker position and drawn line segment (plot coordinates).</summary>
    public LabelPlacer(PlotFigure figure, IEnumerable<Coordinates> markers, IEnumerable<(Coordinates A, Coordinates B)> segments)
    {
        this.figure = figure;
        PixelRect area = figure.Plot.LastRender.DataRect;
        dataArea = new SKRect(area.Left, area.Top, area.Right, area.Bottom);
        foreach (Coordinates marker in markers)
        {
            Pixel p = figure.Plot.GetPixel(marker);
            taken.Add(new SKRect(p.X - MarkerRadius, p.Y - MarkerRadius, p.X + MarkerRadius, p.Y + MarkerRadius));
        }

        foreach ((Coordinates a, Coordinates b) in segments)
        {
            Pixel pa = figure.Plot.GetPixel(a);
            Pixel pb = figure.Plot.GetPixel(b);
            lines.Add((new SKPoint(pa.X, pa.Y), new SKPoint(pb.X, pb.Y)));
        }
    }

    /// <summary>Number of labels left out for lack of room.</summary>
    public int Dropped { get; private set; }

    /// <summary>Adds the label at the first free spot; returns false when every spot is taken.</summary>
    public bool Place(string text, Coordinates point)
    {
        using var font = new SKFont(PlotFonts.For(text), PlotFigure.PointLabelSize);
        float width = font.MeasureText(text);
        float height = font.Spacing;
        Pixel p = figure.Plot.GetPixel(point);

        // A label across a line is still readable; one across another label or a marker is not.
        foreach (bool avoidLines in new[] { true, false })
        {
            foreach ((Alignment alignment, float dx, float dy) in Spots)
            {
                SKRect box = Box(alignment, p.X + dx, p.Y + dy, width, height);
                if (!dataArea.Contains(box) || taken.Any(t => t.IntersectsWith(box))
                    || (avoidLines && lines.Any(l => Crosses(l.A, l.B, box))))
                {
                    continue;
                }

                // Keep a little air between neighbouring labels.
                taken.Add(SKRect.Inflate(box, 2, 1));
                figure.AddText(text, point, alignment, dx, dy);
                return true;
            }
        }

        Dropped++;
        return false;
    }

    /// <summary>Whether the segment a-b passes through the box (Liang-Barsky clipping).</summary>
    private static bool Crosses(SKPoint a, SKPoint b, SKRect box)
    {
        float dx = b.X - a.X;
        float dy = b.Y - a.Y;
        float enter = 0;
        float leave = 1;
        foreach ((float p, float q) in new[] { (-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y) })
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            float t = q / p;
            if (p < 0)
            {
                enter = Math.Max(enter, t);
            }
            else
            {
                leave = Math.Min(leave, t);
            }

            if (enter > leave)
            {
                return false;
            }
        }

        return true;
    }

    private static SKRect Box(Alignment alignment, float x, float y, float width, float height)
    {
        float left = alignment switch
        {
            Alignment.UpperLeft or Alignment.MiddleLeft or Alignment.LowerLeft => x,
            Alignment.UpperCenter or Alignment.MiddleCenter or Alignment.LowerCenter => x - (width / 2),
            _ => x - width,
        };
        float top = alignment switch
        {
            Alignment.UpperLeft or Alignment.UpperCenter or Alignment.UpperRight => y,
            Alignment.MiddleLeft or Alignment.MiddleCenter or Alignment.MiddleRight => y - (height / 2),
            _ => y - height,
        };
        return new SKRect(left, top, left + width, top + height);
    }
}
