using EffNetBench.Core.Benchmarking.Serving;
using EffNetBench.Core.Results;

namespace EffNetBench.Tests.Benchmarking.Serving;

public sealed class RateSearchTests
{
    /// <summary>A server whose p99 is within the bound up to <paramref name="limit"/> requests per second.</summary>
    private static Func<double, ServerPoint> Limit(double limit, List<double> tried) => rate =>
    {
        tried.Add(rate);
        return new ServerPoint(rate, rate, 300, 0, 1, 2, rate <= limit ? 3 : 30, 1, rate <= limit);
    };

    [Fact]
    public void Steps_up_until_a_rate_exceeds_then_bisects()
    {
        var tried = new List<double>();
        RateSearchResult result = RateSearch.Find(10, 5, 0.01, Limit(20, tried));

        // 10 ok, 15 ok, 22.5 above: bracket [15, 22.5]; then 18.75 ok, 20.625 above.
        Assert.Equal([10, 15, 22.5, 18.75, 20.625], tried);
        Assert.Equal(18.75, result.MaxRateWithinBound);
        Assert.Equal(20.625, result.RateBracketHigh);
        Assert.Equal([10, 15, 18.75, 20.625, 22.5], result.Points.Select(p => p.OfferedRate));
    }

    [Fact]
    public void Steps_down_while_every_rate_exceeds()
    {
        var tried = new List<double>();
        RateSearchResult result = RateSearch.Find(10, 4, 0.01, Limit(3, tried));

        // 10 above, 5 above, 2.5 ok: bracket [2.5, 5]; then 3.75 above.
        Assert.Equal([10, 5, 2.5, 3.75], tried);
        Assert.Equal(2.5, result.MaxRateWithinBound);
        Assert.Equal(3.75, result.RateBracketHigh);
    }

    [Fact]
    public void Stops_once_the_bracket_is_within_the_resolution()
    {
        var tried = new List<double>();
        RateSearchResult result = RateSearch.Find(10, 10, 0.5, Limit(12, tried));

        // 10 ok, 15 above: (15 - 10) / 10 = 0.5 is within the resolution, so no bisection.
        Assert.Equal([10, 15], tried);
        Assert.Equal(10, result.MaxRateWithinBound);
        Assert.Equal(15, result.RateBracketHigh);
    }

    [Fact]
    public void Rates_stay_below_the_ceiling_which_bounds_the_bracket_until_a_rate_exceeds()
    {
        var tried = new List<double>();
        RateSearchResult result = RateSearch.Find(10, 4, 0.01, Limit(1000, tried), ceiling: 20);

        // 10 ok, 15 ok; 22.5 would pass the ceiling: bisect [15, 20] to 17.5, then [17.5, 20] to 18.75.
        Assert.Equal([10, 15, 17.5, 18.75], tried);
        Assert.Equal(18.75, result.MaxRateWithinBound);
        Assert.Null(result.RateBracketHigh); // no measured rate exceeded

        tried.Clear();
        RateSearchResult bracketed = RateSearch.Find(10, 4, 0.01, Limit(16, tried), ceiling: 20);
        Assert.Equal([10, 15, 17.5, 16.25], tried);
        Assert.Equal((15.0, 16.25), (bracketed.MaxRateWithinBound!.Value, bracketed.RateBracketHigh!.Value));
    }

    [Fact]
    public void Without_a_bracket_one_side_is_null()
    {
        Assert.Null(RateSearch.Find(10, 3, 0.01, Limit(1000, [])).RateBracketHigh);
        Assert.Null(RateSearch.Find(10, 3, 0.01, Limit(0.1, [])).MaxRateWithinBound);
    }
}
