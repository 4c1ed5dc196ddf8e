using EffNetBench.Core.Reporting.Rendering;

namespace EffNetBench.Tests.Reporting.Rendering;

public sealed class MarkdownTableTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a|b", "a\\|b")]
    [InlineData("two\nlines", "two lines")]
    [InlineData("crlf\r\nand cr\rand ls\u2028end", "crlf and cr and ls end")]
    [InlineData("|\n|", "\\| \\|")]
    [InlineData(null, "")]
    public void Escape_neutralises_pipes_and_every_line_break(string? cell, string expected)
    {
        Assert.Equal(expected, MarkdownTable.Escape(cell));
    }

    [Fact]
    public void A_cell_with_pipes_and_line_breaks_keeps_the_table_one_line_per_row_with_its_columns()
    {
        string table = MarkdownTable.Render(["name", "n"], "lr", [["x|y\nz", "1"], ["plain", "22"]]);

        Assert.Equal("| name | n |\n|---|---:|\n| x\\|y z | 1 |\n| plain | 22 |\n", table);
        Assert.All(table.TrimEnd('\n').Split('\n'), line => Assert.Equal(3, line.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')));
    }

    [Fact]
    public void Columns_beyond_the_alignment_string_are_left_aligned()
    {
        Assert.StartsWith("| a | b | c |\n|---:|---|---|\n", MarkdownTable.Render(["a", "b", "c"], "r", []));
    }
}
