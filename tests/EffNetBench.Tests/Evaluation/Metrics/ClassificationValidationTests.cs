using EffNetBench.Core.Evaluation.Metrics;

namespace EffNetBench.Tests.Evaluation.Metrics;

/// <summary>Bad inputs are rejected with a clear message, and a rejected row changes nothing.</summary>
public sealed class ClassificationValidationTests
{
    private static ClassificationAccumulator ThreeClasses() => new(["cat", "dog", "bird"]);

    [Fact]
    public void A_row_of_the_wrong_length_names_both_lengths()
    {
        var acc = ThreeClasses();
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.Add([1f, 2f], 0));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("2 values but there are 3 classes", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => acc.Add([1f, 2f, 3f, 4f], 0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void A_true_class_outside_the_class_list_is_rejected(int trueClass)
    {
        var acc = ThreeClasses();
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add([1f, 0f, 0f], trueClass));
        Assert.Equal("trueClass", e.ParamName);
        Assert.Contains("from 0 to 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void Non_finite_scores_are_rejected_with_the_class_named(float bad)
    {
        var acc = ThreeClasses();
        ArgumentException e = Assert.Throws<ArgumentException>(() => acc.Add([0.5f, bad, 0.5f], 0));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("Score 1 ('dog')", e.Message, StringComparison.Ordinal);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rejected_row_leaves_the_counts_and_the_probability_detection_untouched()
    {
        var acc = ThreeClasses();
        acc.Add([0.8f, 0.1f, 0.1f], 0);
        Assert.Throws<ArgumentException>(() => acc.Add([5f, float.NaN, 0f], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Add([5f, 0f, 0f], 7));

        ClassificationReport r = acc.Build();
        Assert.Equal(1, r.Images);
        Assert.Equal(1, acc.Images);
        Assert.True(r.OutputsWereProbabilities);
        Assert.Equal([1L, 0, 0], r.ConfusionMatrix[0].AsEnumerable());
    }

    [Fact]
    public void Class_lists_must_have_two_distinct_named_classes()
    {
        Assert.Throws<ArgumentNullException>(() => new ClassificationAccumulator(null!));
        Assert.Contains("At least 2 classes", Assert.Throws<ArgumentException>(() => new ClassificationAccumulator(["only"])).Message, StringComparison.Ordinal);
        Assert.Contains("'dog' appears more than once", Assert.Throws<ArgumentException>(() => new ClassificationAccumulator(["dog", "cat", "dog"])).Message, StringComparison.Ordinal);
        Assert.Contains("Class 1 has no name", Assert.Throws<ArgumentException>(() => new ClassificationAccumulator(["dog", " "])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClassificationAccumulator(["a", "b"], ceBins: -1));
    }

    [Fact]
    public void Building_without_images_or_with_negative_k_is_refused()
    {
        var acc = ThreeClasses();
        Assert.Contains("No predictions", Assert.Throws<InvalidOperationException>(() => acc.Build()).Message, StringComparison.Ordinal);
        acc.Add([1f, 0f, 0f], 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Build(worstK: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Build(mostConfusedK: -1));
        Assert.Empty(acc.Build(worstK: 0, mostConfusedK: 0).WorstRecall);
    }
}
