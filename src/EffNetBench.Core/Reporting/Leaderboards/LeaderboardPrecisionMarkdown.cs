using System.Text;
using EffNetBench.Core.Reporting.Rendering;
using static EffNetBench.Core.Reporting.Rendering.Invariant;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>The leaderboard's "Accuracy cost per speed-up" section (`--precision`).</summary>
internal static class LeaderboardPrecisionMarkdown
{
    public static void Costs(StringBuilder text, Leaderboard board)
    {
        if (board.PrecisionCosts.IsEmpty)
        {
            return;
        }

        text.Append("\n## Accuracy cost per speed-up\n\n");
        text.Append("Each lower precision against the fp32 case of the same model in the same table. Speed-up = fp32 median / this median; "
            + "top-1 lost is taken only when both top-1s come from one `eval --precision` (the same images), never from a published figure. "
            + "Precisions are on the tables' Pareto frontiers like any other model.\n\n");
        text.Append(MarkdownTable.Render(
            ["model", "precision", "provider", "hardware", "batch", "threads", "fp32 ms / image", "ms / image", "speed-up", "top-1 fp32 %", "top-1 %", "top-1 lost", "points lost per ms gained", "note"],
            "llllrrrrrrrrrl",
            board.PrecisionCosts.Select(c => (IReadOnlyList<string>)
            [
                LeaderboardBuilder.ModelLabel(c.Model, c.Resolution), c.Precision, c.Provider, c.Hardware, Number(c.Batch), Threads(c.Threads),
                Number(c.Fp32MsPerImage, "0.00"), Number(c.MsPerImage, "0.00"),
                c.SpeedUp is double s ? Number(s, "0.00") + "x" + (c.LatencyTied ? " (within noise)" : string.Empty) : string.Empty,
                Number(c.Fp32Top1, "0.0"), c.Top1 is null ? "not measured" : Number(c.Top1, "0.0"),
                Number(c.Top1Lost, "+0.0;-0.0;0.0"), Number(c.Top1LostPerMsGained, "0.00"), c.Note ?? string.Empty,
            ])));
    }
}
