using System.Text;

namespace EffNetBench.Core.Reporting.Leaderboards;

/// <summary>GitHub-flavoured Markdown tables.</summary>
internal static class MarkdownTable
{
    /// <param name="align">One character per column: 'l' left, 'r' right (numbers).</param>
    public static string Render(IReadOnlyList<string> headers, string align, IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        Line(text, headers);
        text.Append('|');
        for (int i = 0; i < headers.Count; i++)
        {
            text.Append(i < align.Length && align[i] == 'r' ? "---:|" : "---|");
        }

        text.Append('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.Append('|');
        foreach (string cell in cells)
        {
            // A '|' or a line break inside a cell would end the cell or the table.
            text.Append(' ').Append(cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ")).Append(" |");
        }

        text.Append('\n');
    }
}
