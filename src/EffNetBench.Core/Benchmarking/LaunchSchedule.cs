using System.Collections.Immutable;

namespace EffNetBench.Core.Benchmarking;

/// <summary>
/// The order a run measures its launches in. Round r (1..N) measures launch r of every case, in plan order, so slow
/// drift of the machine spreads over all cases instead of landing on one: case 1 launch 1, case 2 launch 1, ...,
/// case 1 launch 2, .... Cases sharing a <see cref="PlannedCase.Group"/> (the two arms of an A/B pair) are measured
/// together, in plan order in odd rounds and reversed in even ones: A B, B A, A B, ... (ABBA), so drift hits both arms alike.
/// </summary>
public static class LaunchSchedule
{
    /// <returns>Every launch of every case, each <see cref="PlannedCase.Launch"/> and <see cref="PlannedCase.LaunchCount"/>
    /// set; its position in the list is the launch's order in the run.</returns>
    public static ImmutableArray<PlannedCase> Build(IReadOnlyList<PlannedCase> plan, int launches)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(launches, 1);
        var groups = new List<List<PlannedCase>>();
        var byKey = new Dictionary<string, List<PlannedCase>>(StringComparer.Ordinal);
        foreach (PlannedCase planned in plan)
        {
            if (planned.Group is string key && byKey.TryGetValue(key, out List<PlannedCase>? group))
            {
                group.Add(planned);
                continue;
            }

            var added = new List<PlannedCase> { planned };
            groups.Add(added);
            if (planned.Group is string newKey)
            {
                byKey[newKey] = added;
            }
        }

        var schedule = ImmutableArray.CreateBuilder<PlannedCase>(plan.Count * launches);
        for (int round = 1; round <= launches; round++)
        {
            foreach (List<PlannedCase> group in groups)
            {
                IEnumerable<PlannedCase> members = round % 2 == 1 ? group : Enumerable.Reverse(group);
                schedule.AddRange(members.Select(c => c with { Launch = round, LaunchCount = launches }));
            }
        }

        return schedule.MoveToImmutable();
    }
}
