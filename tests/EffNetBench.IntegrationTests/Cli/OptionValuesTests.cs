using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using EffNetBench.Commands;

namespace EffNetBench.IntegrationTests.Cli;

/// <summary>The shared option parsers: ranges, lists, one error form, and the invariant culture whatever the current one is.</summary>
public sealed class OptionValuesTests
{
    [Theory]
    [InlineData("1", true, 1)]
    [InlineData("4096", true, 4096)]
    [InlineData(" 8 ", true, 8)]
    [InlineData("0", false, 0)]
    [InlineData("4097", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("+1", false, 0)]
    [InlineData("1.0", false, 0)]
    [InlineData("1,000", false, 0)]
    [InlineData("", false, 0)]
    public void Whole_numbers_keep_to_their_range(string text, bool ok, int value) =>
        Assert.Equal((ok, value), OptionValues.WholeNumber(1, 4096).TryParse(text));

    [Fact]
    public void Every_error_names_the_option_the_value_and_the_allowed_range()
    {
        Assert.Equal("--batch '0' is not valid: use a whole number from 1 to 4096", OptionValues.Error("--batch", "0", OptionValues.WholeNumber(1, 4096)));
        Assert.Equal("--limit 'x' is not valid: use a whole number of at least 1", OptionValues.Error("--limit", "x", OptionValues.WholeNumber(1, int.MaxValue)));
        Assert.Equal("--crop-pct '2' is not valid: use a number in (0, 1], e.g. 0.875", OptionValues.Error("--crop-pct", "2", OptionValues.Number(0, 1, minOpen: true, example: "0.875")));
        Assert.Equal("--alpha '1' is not valid: use a number in (0, 1)", OptionValues.Error("--alpha", "1", OptionValues.Number(0, 1, minOpen: true, maxOpen: true)));
        Assert.Equal("--threads 'x' is not valid: use comma-separated values, each a whole number from 1 to 8, or 'default'",
            OptionValues.Error("--threads", "x", OptionValues.List(OptionValues.OrKeyword(OptionValues.WholeNumber(1, 8), "default"))));
    }

    [Theory]
    [InlineData("0", true, 0.0)]
    [InlineData("1", true, 1.0)]
    [InlineData("0.875", true, 0.875)]
    [InlineData("1e-3", true, 0.001)]
    [InlineData("1.5", false, 0.0)]
    [InlineData("-0.1", false, 0.0)]
    [InlineData("NaN", false, 0.0)]
    [InlineData("0,5", false, 0.0)]
    public void Numbers_are_read_with_a_decimal_point_only(string text, bool ok, double value) =>
        Assert.Equal((ok, value), OptionValues.Number(0, 1).TryParse(text));

    [Theory]
    [InlineData("1%", true, 0.01)]
    [InlineData("0.5%", true, 0.005)]
    [InlineData("0.01", true, 0.01)]
    [InlineData("100%", true, 1.0)]
    [InlineData("150%", false, 0.0)]
    [InlineData("1.5", false, 0.0)]
    [InlineData("0,5", false, 0.0)]
    public void Shares_are_percentages_or_fractions_from_0_to_1(string text, bool ok, double value) =>
        Assert.Equal((ok, value), OptionValues.Share.TryParse(text));

    [Fact]
    public void Lists_are_comma_separated_and_never_empty()
    {
        ValueKind<ImmutableArray<int>> list = OptionValues.List(OptionValues.WholeNumber(1, 4096));
        Assert.Equal([1, 8], list.TryParse("1, 8").Value.ToArray());
        Assert.Equal([4], list.TryParse("4,4").Value.ToArray());
        Assert.False(list.TryParse(string.Empty).Ok);
        Assert.False(list.TryParse("1,,8").Ok);
        Assert.False(list.TryParse("1,").Ok);

        ValueKind<ImmutableArray<int?>> threads = OptionValues.List(OptionValues.OrKeyword(OptionValues.WholeNumber(1, 8), "default"));
        Assert.Equal([null, 2], threads.TryParse("Default,2").Value.ToArray());
    }

    [Fact]
    public void A_tuple_has_exactly_its_count()
    {
        ValueKind<ImmutableArray<double>> rgb = OptionValues.Tuple(3, OptionValues.Number(-10, 10), "0.5,0.5,0.5");
        Assert.Equal([0.485, 0.456, 0.406], rgb.TryParse("0.485,0.456,0.406").Value.ToArray());
        Assert.False(rgb.TryParse("1,2").Ok);
        Assert.False(rgb.TryParse("1,2,3,4").Ok);
    }

    [Fact]
    public void Under_a_comma_decimal_culture_a_comma_is_never_read_as_a_decimal_point()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(1.5, double.Parse("1,5", CultureInfo.CurrentCulture)); // the culture really is a comma-decimal one

            Option<double> option = OptionValues.Create("--x", OptionValues.Number(0, 10), "x", () => 1);
            var command = new RootCommand { option };
            Assert.Equal(1.5, command.Parse(["--x", "1.5"]).GetValue(option));
            ParseResult comma = command.Parse(["--x", "1,5"]);
            Assert.Equal("--x '1,5' is not valid: use a number in [0, 10]", Assert.Single(comma.Errors).Message);
            Assert.Equal(1.0, command.Parse([]).GetValue(option));

            (int code, string output, string error) = CliRunner.Run("export", "custom", "--width", "1,5", "--depth", "1.2");
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("effnet-bench: --width '1,5' is not valid: use a number above 0, e.g. 1.1", error, StringComparison.Ordinal);

            (code, _, error) = CliRunner.Run("compare", "a", "b", "--alpha", "0,01");
            Assert.Equal(2, code);
            Assert.StartsWith("effnet-bench: --alpha '0,01' is not valid: use a number in (0, 1), e.g. 0.01", error, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void A_keyword_option_takes_the_keyword_or_a_number_in_range()
    {
        string dir = Directory.CreateTempSubdirectory("effnet-bench-options-").FullName;
        try
        {
            string path = Path.Combine(dir, "b0.onnx");
            (int code, _, string error) = CliRunner.Run("export", "b0", "--batch", "4097", "-o", path);
            Assert.Equal(2, code);
            Assert.StartsWith("effnet-bench: --batch '4097' is not valid: use a whole number from 1 to 4096, or 'dynamic'", error, StringComparison.Ordinal);
            Assert.False(File.Exists(path));

            (code, string output, error) = CliRunner.Run("export", "b0", "--batch", "DYNAMIC", "--resolution", "32", "-o", path);
            Assert.True(code == 0, error);
            Assert.Contains("batch dynamic", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
