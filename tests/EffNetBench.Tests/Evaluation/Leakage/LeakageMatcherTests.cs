using EffNetBench.Core.Evaluation.Leakage;

namespace EffNetBench.Tests.Evaluation.Leakage;

public sealed class LeakageMatcherTests
{
    // 0x0F is 4 bits from 0, 0x1F is 5 bits from 0.
    private static readonly ImageHashes[] Train =
    [
        new("s0", 0x0),
        new("s1", 0x0F),
        new("s2", 0x1F),
        new("s0", 0x0),   // the same bytes as train 0
        new("s4", null),  // readable bytes, not decodable
        new(null, null),  // not readable at all
    ];

    private static readonly ImageHashes[] Test =
    [
        new("s0", 0x0),                        // exact with 0 and 3; near 1 (distance 4)
        new("t1", 0x0),                        // near 0 and 3 (0: the same pixels, other bytes), 1 (4)
        new("t2", 0xFFFF_0000_0000_0000),      // 16 or more from everything: none
        new("s4", null),                       // exact with 4 (identical corrupt files)
        new(null, null),                       // unreadable: none
        new("t5", 0x1F),                       // near 2 (0) and 1 (1); 5 from 0 and 3
    ];

    [Fact]
    public void Exact_needs_equal_bytes_and_lists_every_training_copy()
    {
        LeakageMatches m = LeakageMatcher.Match(Train, Test, threshold: 4);

        Assert.Equal(2, m.Exact.Length);
        Assert.Equal(0, m.Exact[0].Test);
        Assert.Equal([0, 3], m.Exact[0].Train.ToArray());
        Assert.Equal(3, m.Exact[1].Test);
        Assert.Equal([4], m.Exact[1].Train.ToArray());
    }

    [Fact]
    public void Near_is_inclusive_at_the_threshold_and_skips_pairs_that_are_exact()
    {
        LeakageMatches m = LeakageMatcher.Match(Train, Test, threshold: 4);

        Assert.Equal(
            [(0, 1, 4), (1, 0, 0), (1, 3, 0), (1, 1, 4), (5, 2, 0), (5, 1, 1)],
            m.Near.ToArray());
    }

    [Fact]
    public void One_below_the_distance_excludes_the_pair()
    {
        LeakageMatches m = LeakageMatcher.Match(Train, Test, threshold: 3);

        Assert.Equal([(1, 0, 0), (1, 3, 0), (5, 2, 0), (5, 1, 1)], m.Near.ToArray());
        Assert.Equal(2, m.Exact.Length);
    }

    [Fact]
    public void Threshold_zero_keeps_only_identical_hashes()
    {
        LeakageMatches m = LeakageMatcher.Match(Train, Test, threshold: 0);

        Assert.Equal([(1, 0, 0), (1, 3, 0), (5, 2, 0)], m.Near.ToArray());
    }

    [Fact]
    public void Five_bits_apart_is_a_match_at_five_only()
    {
        LeakageMatches m = LeakageMatcher.Match([new("a", 0x0)], [new("b", 0x1F)], threshold: 5);
        LeakageMatches none = LeakageMatcher.Match([new("a", 0x0)], [new("b", 0x1F)], threshold: 4);

        Assert.Equal([(0, 0, 5)], m.Near.ToArray());
        Assert.Empty(none.Near);
        Assert.Empty(m.Exact);
    }

    [Fact]
    public void Empty_sides_find_nothing()
    {
        Assert.Empty(LeakageMatcher.Match([], Test, 10).Near);
        Assert.Empty(LeakageMatcher.Match(Train, [], 10).Exact);
    }

    [Fact]
    public void A_negative_threshold_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LeakageMatcher.Match(Train, Test, -1));
    }
}
