using System.Collections.Immutable;
using EffNetBench.Core.Results;

namespace EffNetBench.Core.Benchmarking.Serving;

/// <summary>The rates a search measured, and the bracket it ended with.</summary>
/// <param name="Points">In increasing offered rate.</param>
/// <param name="MaxRateWithinBound">The highest rate measured within the bound below <paramref name="RateBracketHigh"/>; null if none.</param>
/// <param name="RateBracketHigh">The lowest rate measured above the bound; null if none.</param>
public sealed record RateSearchResult(ImmutableArray<ServerPoint> Points, double? MaxRateWithinBound, double? RateBracketHigh);

/// <summary>
/// Finds the highest offered rate whose p99 stays within the bound: from <paramref name="start"/>, steps up by
/// <see cref="ServingBudget.StepUp"/> while every rate stays within, or down by <see cref="ServingBudget.StepDown"/>
/// while none does, until one of each brackets the bound; then bisects the bracket (arithmetic midpoint). Stops after
/// <c>steps</c> rates or once the bracket is narrower than <c>resolution</c> x its lower end. Rates never reach the
/// <c>ceiling</c> (the closed-loop throughput of the same executors): no open-loop rate at or above it can hold a steady
/// queue, yet a point of a few seconds may end before its growing queue crosses the bound; the ceiling is the upper end
/// of the bracket until a measured rate exceeds the bound.
/// </summary>
public static class RateSearch
{
    /// <param name="measure">Measures one offered rate (requests per second); its <see cref="ServerPoint.WithinBound"/> decides.</param>
    /// <param name="ceiling">The capacity no offered rate may reach; null for none.</param>
    public static RateSearchResult Find(double start, int steps, double resolution, Func<double, ServerPoint> measure, double? ceiling = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (!double.IsFinite(start) || start <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "the first rate must be positive");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var points = new List<ServerPoint>();
        double? within = null, above = null;
        double rate = start;
        while (points.Count < steps)
        {
            ServerPoint point = measure(rate);
            points.Add(point);
            if (point.WithinBound)
            {
                within = rate;
            }
            else
            {
                above = rate;
            }

            if (within is double lo && (above ?? ceiling) is double hi)
            {
                if ((hi - lo) <= resolution * lo)
                {
                    break;
                }

                // Step up while nothing exceeded and the step stays below the ceiling; else bisect.
                rate = above is null && lo * ServingBudget.StepUp < hi ? lo * ServingBudget.StepUp : (lo + hi) / 2;
            }
            else
            {
                rate = within is not null ? rate * ServingBudget.StepUp : rate * ServingBudget.StepDown;
            }
        }

        return new RateSearchResult([.. points.OrderBy(p => p.OfferedRate)], within, above);
    }
}
