using EffNetBench.Core.Benchmarking.Serving;

namespace EffNetBench.Tests.Benchmarking.Serving;

public sealed class PoissonScheduleTests
{
    [Fact]
    public void Inter_arrival_times_are_exponential_with_mean_one_over_the_rate()
    {
        double[] arrivals = PoissonSchedule.Arrivals(7, 200, 20000, double.MaxValue);
        double[] gaps = [.. arrivals.Select((t, i) => i == 0 ? t : t - arrivals[i - 1])];

        double mean = gaps.Average();
        double sd = Math.Sqrt(gaps.Sum(g => (g - mean) * (g - mean)) / (gaps.Length - 1));
        // Exponential: mean = sd = 1/200 s; with 20000 draws the mean's standard error is 0.7 %, so 3 % is over 4 SE.
        Assert.InRange(mean, 0.97 / 200, 1.03 / 200);
        Assert.InRange(sd / mean, 0.95, 1.05);
        // P(gap > mean) = e^-1 = 0.368 for an exponential (a fixed spacing would give 0 or 1).
        Assert.InRange(gaps.Count(g => g > 1.0 / 200) / (double)gaps.Length, 0.35, 0.385);
    }

    [Fact]
    public void A_seed_gives_the_same_arrivals_and_rates_scale_one_sequence()
    {
        double[] a = PoissonSchedule.Arrivals(3, 10, 50, double.MaxValue);
        Assert.Equal(a, PoissonSchedule.Arrivals(3, 10, 50, double.MaxValue));
        Assert.NotEqual(a, PoissonSchedule.Arrivals(4, 10, 50, double.MaxValue));

        double[] twice = PoissonSchedule.Arrivals(3, 20, 50, double.MaxValue);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i] / 2, twice[i], 12);
        }
    }

    [Fact]
    public void The_span_cap_cuts_the_count_but_keeps_at_least_one()
    {
        double[] capped = PoissonSchedule.Arrivals(1, 100, 1000, 0.5);
        Assert.InRange(capped.Length, 30, 70); // Poisson(50): 30 and 70 are about 3 SD out
        Assert.All(capped, t => Assert.True(t <= 0.5));
        Assert.Single(PoissonSchedule.Arrivals(1, 0.001, 10, 0.5));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void A_rate_that_is_not_positive_is_refused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonSchedule.Arrivals(1, rate, 10, 1));

    [Fact]
    public void The_seeded_schedule_through_a_deterministic_server_gives_the_M_D_1_mean_wait()
    {
        // Lindley's recursion on the schedule with a fixed service time D: W(n+1) = max(0, W(n) + D - gap(n+1)).
        // M/D/1 (Pollaczek-Khinchine with Var S = 0): E[W] = rho D / (2 (1 - rho)).
        const double d = 1.0, rho = 0.5;
        double[] arrivals = PoissonSchedule.Arrivals(11, rho / d, 200000, double.MaxValue);
        double wait = 0, sum = 0;
        for (int i = 1; i < arrivals.Length; i++)
        {
            wait = Math.Max(0, wait + d - (arrivals[i] - arrivals[i - 1]));
            sum += wait;
        }

        double expected = rho * d / (2 * (1 - rho)); // 0.5 D
        Assert.InRange(sum / (arrivals.Length - 1), 0.95 * expected, 1.05 * expected);
    }
}
