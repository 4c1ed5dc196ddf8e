using EffNetBench.Core.Regression;
using EffNetBench.Tests.Results;

namespace EffNetBench.Tests.Regression;

public sealed class CompareOptionTextTests
{
    [Theory]
    [InlineData("5%", 0.05)]
    [InlineData("2.5 %", 0.025)]
    [InlineData(" 0% ", 0)]
    [InlineData("150%", 1.5)]
    public void Percentages_are_fractions(string text, double expected)
    {
        Assert.True(CompareOptionText.TryParsePercent(text, out double fraction));
        Assert.Equal(expected, fraction, 12);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5%")]
    [InlineData("5")]
    [InlineData("0.05")]
    [InlineData("%")]
    [InlineData("NaN%")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_percentage(string? text)
    {
        Assert.False(CompareOptionText.TryParsePercent(text, out _));
    }

    [Theory]
    [InlineData("0.05ms", 0.05)]
    [InlineData("0.05", 0.05)]
    [InlineData("50us", 0.05)]
    [InlineData("50\u00b5s", 0.05)]
    [InlineData("50000ns", 0.05)]
    [InlineData("0.00005s", 0.05)]
    [InlineData("1 MS", 1)]
    [InlineData("0", 0)]
    public void Durations_are_milliseconds(string text, double expected)
    {
        Assert.True(CompareOptionText.TryParseMilliseconds(text, out double ms));
        Assert.Equal(expected, ms, 12);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1ms")]
    [InlineData("ms")]
    [InlineData("5 min")]
    [InlineData("Infinity")]
    [InlineData("1e400ms")]
    public void Anything_else_is_not_a_duration(string text)
    {
        Assert.False(CompareOptionText.TryParseMilliseconds(text, out _));
    }

    [Fact]
    public void A_comma_decimal_is_rejected_even_under_a_culture_that_writes_it()
    {
        using var culture = new CultureScope("de-DE");

        Assert.False(CompareOptionText.TryParsePercent("2,5%", out _));
        Assert.True(CompareOptionText.TryParseMilliseconds("0.5ms", out double ms));
        Assert.Equal(0.5, ms);
    }
}
