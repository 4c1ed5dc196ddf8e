using EffNetBench.Core.Evaluation.Metrics;

namespace EffNetBench.Tests.Evaluation.Metrics;

/// <summary>The warnings a user needs when aggregate accuracy hides a failing class.</summary>
public sealed class ClassificationWarningsTests
{
    [Fact]
    public void High_accuracy_with_a_rare_class_at_twelve_percent_recall_is_an_accuracy_paradox()
    {
        // 2000 images: common 1975 (1957 right, 18 called rare), rare 25 (3 right, 22 called common).
        // Top-1 = (1957 + 3)/2000 = 98 %; rare share 1.25 % <= 5 % and recall 3/25 = 12 % < 50 %.
        var acc = new ClassificationAccumulator(["common", "rare"]);
        AddMany(acc, 0, 0, 1957);
        AddMany(acc, 0, 1, 18);
        AddMany(acc, 1, 1, 3);
        AddMany(acc, 1, 0, 22);

        ClassificationReport r = acc.Build();
        Assert.Equal(0.98, r.Top1.Value, 12);
        Assert.Equal(0.12, r.PerClass[1].Recall, 12);
        MetricWarning w = Assert.Single(r.Warnings);
        Assert.Equal(MetricWarningCodes.AccuracyParadox, w.Code);
        Assert.Equal("rare", w.Class);
        Assert.Contains("Top-1 is 98.0 %", w.Message, StringComparison.Ordinal);
        Assert.Contains("25 of 2000 images", w.Message, StringComparison.Ordinal);
        Assert.Contains("recall 12.0 %", w.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_ninety_percent_top1_a_weak_rare_class_is_no_paradox()
    {
        // Same rare class, but common has 200 more mistakes: top-1 = 1760/2000 = 88 %.
        var acc = new ClassificationAccumulator(["common", "rare"]);
        AddMany(acc, 0, 0, 1757);
        AddMany(acc, 0, 1, 218);
        AddMany(acc, 1, 1, 3);
        AddMany(acc, 1, 0, 22);

        ClassificationReport r = acc.Build();
        Assert.Equal(0.88, r.Top1.Value, 12);
        Assert.DoesNotContain(r.Warnings, w => w.Code == MetricWarningCodes.AccuracyParadox);
    }

    [Fact]
    public void Rare_means_at_most_five_percent_of_the_images()
    {
        // 5 of 100 images (exactly 5 %) counts as rare; 6 of 100 does not. Both at recall 2/5 or 2/6, top-1 >= 96 %.
        Assert.Contains(RareClassOf(5).Warnings, w => w.Code == MetricWarningCodes.AccuracyParadox);
        Assert.DoesNotContain(RareClassOf(6).Warnings, w => w.Code == MetricWarningCodes.AccuracyParadox);

        static ClassificationReport RareClassOf(int rareImages)
        {
            var acc = new ClassificationAccumulator(["common", "rare"]);
            AddMany(acc, 0, 0, 100 - rareImages);
            AddMany(acc, 1, 1, 2);
            AddMany(acc, 1, 0, rareImages - 2);
            return acc.Build();
        }
    }

    [Fact]
    public void A_class_with_images_that_is_never_predicted_is_reported()
    {
        // a 4/4, b 4/4, c 0/2 (both called a): c never predicted, P = R = 0, so no gap warning for it.
        // a: P = 4/6, R = 1, gap 0.333 > 0.3 -> gap warning, listed after never_predicted.
        var acc = new ClassificationAccumulator(["a", "b", "c"]);
        AddMany(acc, 0, 0, 4);
        AddMany(acc, 1, 1, 4);
        AddMany(acc, 2, 0, 2);

        ClassificationReport r = acc.Build();
        Assert.Equal(0, r.PerClass[2].Precision);
        Assert.Equal(0, r.PerClass[2].F1);
        Assert.Equal([(MetricWarningCodes.NeverPredicted, "c"), (MetricWarningCodes.PrecisionRecallGap, "a")], r.Warnings.Select(w => (w.Code, w.Class)));
        Assert.Contains("has 2 images but was never predicted", r.Warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_come_paradox_then_never_predicted_then_gap_and_recall_of_one_half_is_no_paradox()
    {
        // 100 images: common 96/96; rare1 0/2 (called common); rare2 1/2 (one called common).
        // Top-1 97 %. rare1: share 2 %, recall 0 -> paradox and never predicted.
        // rare2: recall exactly 0.5 is not < 0.5 -> no paradox; P = 1/1, R = 0.5 -> gap 0.5.
        // common: P = 96/99, R = 1 -> gap 0.03, none.
        var acc = new ClassificationAccumulator(["common", "rare1", "rare2"]);
        AddMany(acc, 0, 0, 96);
        AddMany(acc, 1, 0, 2);
        AddMany(acc, 2, 2, 1);
        AddMany(acc, 2, 0, 1);

        ClassificationReport r = acc.Build();
        Assert.Equal(
            [(MetricWarningCodes.AccuracyParadox, "rare1"), (MetricWarningCodes.NeverPredicted, "rare1"), (MetricWarningCodes.PrecisionRecallGap, "rare2")],
            r.Warnings.Select(w => (w.Code, w.Class)));
    }

    [Fact]
    public void A_perfect_model_raises_no_warning()
    {
        var acc = new ClassificationAccumulator(["a", "b", "c"]);
        AddMany(acc, 0, 0, 50);
        AddMany(acc, 1, 1, 49);
        AddMany(acc, 2, 2, 1);
        Assert.Empty(acc.Build().Warnings);
    }

    [Fact]
    public void Codes_are_the_documented_strings()
    {
        Assert.Equal("accuracy_paradox", MetricWarningCodes.AccuracyParadox);
        Assert.Equal("never_predicted", MetricWarningCodes.NeverPredicted);
        Assert.Equal("precision_recall_gap", MetricWarningCodes.PrecisionRecallGap);
    }

    /// <summary>Adds <paramref name="count"/> images of class <paramref name="trueClass"/> predicted as <paramref name="predicted"/>.</summary>
    private static void AddMany(ClassificationAccumulator acc, int trueClass, int predicted, int count)
    {
        float[] row = new float[acc.Classes.Length];
        row[predicted] = 1;
        for (int i = 0; i < count; i++)
        {
            acc.Add(row, trueClass);
        }
    }
}
