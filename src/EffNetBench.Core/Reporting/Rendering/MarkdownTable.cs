using System.Text;

namespace EffNetBench.Core.Reporting.Rendering;

/// <summary>GitHub-flavoured Markdown tables, the one writer every report (leaderboard, compare, history, eval) uses.</summary>
public static class MarkdownTable
{
    /// <param name="align">One character per column: 'r' right-aligns it (numbers, so their digits line up), anything else or a missing character left-aligns.</param>
    public static string Render(IReadOnlyList<string> headers, string align, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(align);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        AppendRow(text, headers);
        text.Append('|');
        for (int i = 0; i < headers.Count; i++)
        {
            text.Append(i < align.Length && align[i] == 'r' ? "---:|" : "---|");
        }

        text.Append('\n');
        foreach (IReadOnlyList<string> row in rows)
        {
            AppendRow(text, row);
        }

        return text.ToString();
    }

    /// <summary>
    /// A cell's (or any inline) text with what would end the cell or the table neutralised: '|' is escaped and every
    /// line break (CR, LF, CRLF, NEL, LS, PS, FF) becomes a space.
    /// </summary>
    public static string Escape(string? value) =>
        (value ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        text.Append('|');
        foreach (string cell in cells)
        {
            text.Append(' ').Append(Escape(cell)).Append(" |");
        }

        text.Append('\n');
    }
}
