using EffNetBench.Core.Evaluation.Metrics;

namespace EffNetBench.Tests.Evaluation.Metrics;

/// <summary>Expected calibration error, and whether the outputs were read as probabilities or passed through softmax.</summary>
public sealed class CalibrationTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Ece_of_probabilities_matches_the_hand_computation()
    {
        // 5 bins of width 0.2. Confidence = max probability.
        //   [0.9, 0.1] true 0: 0.9 right  -> bin (0.8, 1]
        //   [0.9, 0.1] true 1: 0.9 wrong  -> bin (0.8, 1]
        //   [0.3, 0.7] true 1: 0.7 right  -> bin (0.6, 0.8]
        //   [0.35, 0.65] true 0: 0.65 wrong -> bin (0.6, 0.8]
        // (0.8, 1]:   accuracy 0.5, confidence 0.9   -> 2/4 * 0.4   = 0.2
        // (0.6, 0.8]: accuracy 0.5, confidence 0.675 -> 2/4 * 0.175 = 0.0875
        // ECE = 0.2875
        var acc = new ClassificationAccumulator(["a", "b"], ceBins: 5);
        acc.Add([0.9f, 0.1f], 0);
        acc.Add([0.9f, 0.1f], 1);
        acc.Add([0.3f, 0.7f], 1);
        acc.Add([0.35f, 0.65f], 0);

        ClassificationReport r = acc.Build();
        Assert.True(r.OutputsWereProbabilities);
        Assert.Equal(0.2875, r.ExpectedCalibrationError!.Value, Tolerance);
    }

    [Fact]
    public void Bins_are_closed_on_the_right()
    {
        // 2 bins: (0, 0.5] and (0.5, 1]. 0.5 right lands in the first bin, 0.75 wrong in the second:
        // 1/2 * |1 - 0.5| + 1/2 * |0 - 0.75| = 0.625 (were 0.5 in the second bin, it would be |0.5 - 0.625| = 0.125).
        var acc = new ClassificationAccumulator(["a", "b"], ceBins: 2);
        acc.Add([0.5f, 0.5f], 0);
        acc.Add([0.75f, 0.25f], 1);
        Assert.Equal(0.625, acc.Build().ExpectedCalibrationError!.Value, Tolerance);
    }

    [Fact]
    public void Logits_go_through_softmax()
    {
        // Softmax of [2, 0]: max probability 1 / (1 + e^-2) = 0.880797; right, so ECE = 1 - 0.880797.
        var acc = new ClassificationAccumulator(["a", "b"]);
        acc.Add([2f, 0f], 0);

        ClassificationReport r = acc.Build();
        Assert.False(r.OutputsWereProbabilities);
        Assert.Equal(1 - (1 / (1 + Math.Exp(-2))), r.ExpectedCalibrationError!.Value, Tolerance);
        Assert.Equal(0.119203, r.ExpectedCalibrationError.Value, 6);
    }

    [Fact]
    public void One_row_of_logits_turns_every_earlier_row_into_logits_too()
    {
        // [0.9, 0.1] looks like probabilities, but [2, 0] does not, so both get softmax:
        // 1/(1 + e^-0.8) = 0.689974 (bin 10 of 15) and 0.880797 (bin 13), both right.
        // ECE = 1/2 * (1 - 0.689974) + 1/2 * (1 - 0.880797) = 0.214614.
        var acc = new ClassificationAccumulator(["a", "b"]);
        acc.Add([0.9f, 0.1f], 0);
        acc.Add([2f, 0f], 0);

        ClassificationReport r = acc.Build();
        Assert.False(r.OutputsWereProbabilities);
        double expected = (0.5 * (1 - (1 / (1 + Math.Exp(-(0.9f - 0.1f)))))) + (0.5 * (1 - (1 / (1 + Math.Exp(-2)))));
        Assert.Equal(expected, r.ExpectedCalibrationError!.Value, Tolerance);
        Assert.Equal(0.214614, r.ExpectedCalibrationError.Value, 6);
    }

    [Theory]
    [InlineData(new[] { 1.2f, -0.2f }, false)]     // sums to 1 but negative: logits
    [InlineData(new[] { 0.6f, 0.4005f }, true)]    // off by 5e-4: within 1e-3
    [InlineData(new[] { 0.6f, 0.402f }, false)]    // off by 2e-3
    [InlineData(new[] { 0f, 1f }, true)]
    [InlineData(new[] { 0.3f, 0.3f }, false)]
    public void A_row_counts_as_probabilities_when_non_negative_and_summing_to_one_within_a_thousandth(float[] row, bool probabilities)
    {
        var acc = new ClassificationAccumulator(["a", "b"]);
        acc.Add(row, 0);
        ClassificationReport r = acc.Build();
        Assert.Equal(probabilities, r.OutputsWereProbabilities);
        Assert.InRange(r.ExpectedCalibrationError!.Value, 0, 1);
    }

    [Fact]
    public void Confident_right_probabilities_are_perfectly_calibrated()
    {
        var acc = new ClassificationAccumulator(["a", "b", "c"]);
        acc.Add([1f, 0f, 0f], 0);
        acc.Add([0f, 0f, 1f], 2);
        Assert.Equal(0, acc.Build().ExpectedCalibrationError!.Value, Tolerance);
    }

    [Fact]
    public void Huge_logits_do_not_overflow()
    {
        // Softmax of [1e30, 0, -1e30] is [1, 0, 0]: wrong, so ECE = |0 - 1| = 1.
        var acc = new ClassificationAccumulator(["a", "b", "c"]);
        acc.Add([1e30f, 0f, -1e30f], 1);
        ClassificationReport r = acc.Build();
        Assert.False(r.OutputsWereProbabilities);
        Assert.Equal(1, r.ExpectedCalibrationError!.Value, Tolerance);
    }

    [Fact]
    public void Zero_bins_turn_calibration_off()
    {
        var acc = new ClassificationAccumulator(["a", "b"], ceBins: 0);
        acc.Add([2f, 0f], 0);
        Assert.Null(acc.Build().ExpectedCalibrationError);
    }

    [Fact]
    public void Logits_and_probabilities_give_the_same_accuracy_metrics()
    {
        // Softmax keeps the order of the scores, so only calibration may differ.
        var logits = new ClassificationAccumulator(["a", "b", "c"]);
        var probabilities = new ClassificationAccumulator(["a", "b", "c"]);
        float[][] rows = [[2f, 1f, 0f], [0f, 3f, 1f], [1f, 0f, 4f], [5f, 1f, 1f]];
        int[] truth = [0, 2, 2, 1];
        for (int i = 0; i < rows.Length; i++)
        {
            logits.Add(rows[i], truth[i]);
            double[] e = [.. rows[i].Select(s => Math.Exp(s))];
            probabilities.Add([.. e.Select(x => (float)(x / e.Sum()))], truth[i]);
        }

        ClassificationReport l = logits.Build();
        ClassificationReport p = probabilities.Build();
        Assert.False(l.OutputsWereProbabilities);
        Assert.True(p.OutputsWereProbabilities);
        Assert.Equal(l.Top1, p.Top1);
        Assert.Equal(l.PerClass.AsEnumerable(), p.PerClass.AsEnumerable());
        Assert.Equal(l.ConfusionMatrix.Select(row => row.ToArray()), p.ConfusionMatrix.Select(row => row.ToArray()));
        Assert.Equal(l.ExpectedCalibrationError!.Value, p.ExpectedCalibrationError!.Value, 1e-5);
    }
}
