using EffNetBench.Core.Evaluation.Metrics;

namespace EffNetBench.Tests.Evaluation.Metrics;

/// <summary>Every metric pinned on a hand-computed 3-class, 10-image example.</summary>
public sealed class ClassificationAccumulatorTests
{
    private const double Tolerance = 1e-9;

    // Hand example (rows = true, columns = predicted):
    //            cat dog bird | support
    //   cat       3   0   0   |   3
    //   dog       2   2   0   |   4
    //   bird      0   1   2   |   3
    //   predicted 5   3   2   |  10, diagonal 7 -> top-1 = 7/10
    private static ClassificationReport HandExample(int worstK = 5, int mostConfusedK = 10)
    {
        var acc = new ClassificationAccumulator(["cat", "dog", "bird"]);
        (int True, int Predicted)[] cells =
        [
            (0, 0), (0, 0), (0, 0),
            (1, 0), (1, 0), (1, 1), (1, 1),
            (2, 1), (2, 2), (2, 2),
        ];
        foreach ((int t, int p) in cells)
        {
            // Logits: 3 for the predicted class, 1 for the true one when it differs, 0 elsewhere.
            float[] row = new float[3];
            row[t] = 1;
            row[p] = 3;
            acc.Add(row, t);
        }

        return acc.Build(worstK, mostConfusedK);
    }

    [Fact]
    public void Confusion_matrix_has_true_rows_and_predicted_columns_in_class_order()
    {
        ClassificationReport r = HandExample();
        Assert.Equal(10, r.Images);
        Assert.Equal(["cat", "dog", "bird"], r.Classes.AsEnumerable());
        Assert.Equal([3L, 0, 0], r.ConfusionMatrix[0].AsEnumerable());
        Assert.Equal([2L, 2, 0], r.ConfusionMatrix[1].AsEnumerable());
        Assert.Equal([0L, 1, 2], r.ConfusionMatrix[2].AsEnumerable());
    }

    [Fact]
    public void Per_class_precision_recall_f1_support_and_predicted_match_the_hand_computation()
    {
        ClassificationReport r = HandExample();

        // cat:  P = 3/5 = 0.6,   R = 3/3 = 1,    F1 = 2*0.6*1/1.6 = 0.75
        // dog:  P = 2/3,         R = 2/4 = 0.5,  F1 = 2*(2/3)*(1/2)/(7/6) = 4/7
        // bird: P = 2/2 = 1,     R = 2/3,        F1 = 2*1*(2/3)/(5/3) = 0.8
        AssertClass(r.PerClass[0], "cat", 0, 0.6, 1.0, 0.75, support: 3, predicted: 5);
        AssertClass(r.PerClass[1], "dog", 1, 2.0 / 3, 0.5, 4.0 / 7, support: 4, predicted: 3);
        AssertClass(r.PerClass[2], "bird", 2, 1.0, 2.0 / 3, 0.8, support: 3, predicted: 2);
    }

    [Fact]
    public void Macro_weighted_and_balanced_averages_match_the_hand_computation()
    {
        ClassificationReport r = HandExample();

        // Macro P = (3/5 + 2/3 + 1)/3 = 34/45; R = (1 + 1/2 + 2/3)/3 = 13/18; F1 = (3/4 + 4/7 + 4/5)/3 = 99/140.
        Assert.Equal(34.0 / 45, r.Macro.Precision, Tolerance);
        Assert.Equal(13.0 / 18, r.Macro.Recall, Tolerance);
        Assert.Equal(99.0 / 140, r.Macro.F1, Tolerance);

        // Weighted P = (3*0.6 + 4*2/3 + 3*1)/10 = 0.74666..; R = (3 + 2 + 2)/10 = 0.7 = top-1; F1 = (3*0.75 + 4*4/7 + 3*0.8)/10.
        Assert.Equal(((3 * 0.6) + (4 * 2.0 / 3) + 3) / 10, r.Weighted.Precision, Tolerance);
        Assert.Equal(0.7, r.Weighted.Recall, Tolerance);
        Assert.Equal(((3 * 0.75) + (4 * 4.0 / 7) + (3 * 0.8)) / 10, r.Weighted.F1, Tolerance);

        // Balanced accuracy = mean recall = 13/18, not the 0.7 of top-1.
        Assert.Equal(13.0 / 18, r.BalancedAccuracy, Tolerance);
    }

    [Fact]
    public void Top1_is_seven_of_ten_with_the_wilson_interval_and_no_top5_with_three_classes()
    {
        ClassificationReport r = HandExample();

        // Wilson 7/10, z = 1.96: centre (0.7 + 0.19207)/1.38415 = 0.64449, half 0.24771 -> [0.3968, 0.8922].
        Assert.Equal(7, r.Top1.Successes);
        Assert.Equal(10, r.Top1.Trials);
        Assert.Equal(0.7, r.Top1.Value, Tolerance);
        Assert.Equal(0.3968, r.Top1.WilsonLow95, 4);
        Assert.Equal(0.8922, r.Top1.WilsonHigh95, 4);
        Assert.Null(r.Top5);
    }

    [Fact]
    public void Most_confused_lists_off_diagonal_cells_by_count_and_worst_recall_lists_the_weakest_classes()
    {
        ClassificationReport r = HandExample(worstK: 2, mostConfusedK: 10);

        // Off-diagonal: dog->cat 2, bird->dog 1; zero cells are left out.
        Assert.Equal([new ConfusedPair("dog", "cat", 2), new ConfusedPair("bird", "dog", 1)], r.MostConfused.AsEnumerable());

        // Recalls: dog 0.5 < bird 0.667 < cat 1.
        Assert.Equal(["dog", "bird"], r.WorstRecall.Select(c => c.Class));
        Assert.Single(HandExample(mostConfusedK: 1).MostConfused);
    }

    [Fact]
    public void Hand_example_warns_of_the_precision_recall_gaps_only()
    {
        ClassificationReport r = HandExample();

        // cat |0.6 - 1| = 0.4 > 0.3, bird |1 - 0.667| = 0.333 > 0.3, dog |0.667 - 0.5| = 0.167: two gaps, no other warning.
        Assert.Equal(
            [("precision_recall_gap", "cat"), ("precision_recall_gap", "bird")],
            r.Warnings.Select(w => (w.Code, w.Class)));
        Assert.Contains("precision 60.0 % but recall 100.0 %", r.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("over-predicted", r.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("under-predicted", r.Warnings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Most_confused_ties_go_by_true_then_predicted_index()
    {
        var acc = new ClassificationAccumulator(["a", "b", "c"]);

        // One image in each off-diagonal cell, added in reverse so insertion order cannot pass for the rule.
        for (int t = 2; t >= 0; t--)
        {
            for (int p = 2; p >= 0; p--)
            {
                float[] row = new float[3];
                row[p] = 1;
                acc.Add(row, t);
            }
        }

        ClassificationReport r = acc.Build(mostConfusedK: 4);
        Assert.Equal([("a", "b"), ("a", "c"), ("b", "a"), ("b", "c")], r.MostConfused.Select(m => (m.TrueClass, m.PredictedClass)));
    }

    [Fact]
    public void Top5_appears_with_seven_classes_and_counts_the_true_class_among_the_five_highest()
    {
        var acc = new ClassificationAccumulator(["a", "b", "c", "d", "e", "f", "g"]);
        float[] descending = [7, 6, 5, 4, 3, 2, 1];
        acc.Add(descending, 0); // rank 0: top-1 and top-5 hit
        acc.Add(descending, 4); // rank 4: top-5 hit
        acc.Add(descending, 5); // rank 5: miss
        acc.Add(descending, 6); // rank 6: miss

        ClassificationReport r = acc.Build();
        Assert.Equal(1, r.Top1.Successes);
        Assert.NotNull(r.Top5);
        Assert.Equal(2, r.Top5.Successes);
        Assert.Equal(4, r.Top5.Trials);
        Assert.Equal(0.5, r.Top5.Value, Tolerance);
        Assert.InRange(r.Top5.WilsonLow95, 0.0, 0.5);
        Assert.InRange(r.Top5.WilsonHigh95, 0.5, 1.0);
    }

    [Fact]
    public void Ties_go_to_the_lower_class_index_for_top1_and_top5()
    {
        var acc = new ClassificationAccumulator(["a", "b", "c", "d", "e", "f", "g"]);
        float[] flat = new float[7];
        acc.Add(flat, 4); // ranks behind a-d only: top-5 hit, predicted as a
        acc.Add(flat, 5); // ranks behind a-e: top-5 miss
        acc.Add(flat, 0); // a wins the tie: top-1 hit

        ClassificationReport r = acc.Build();
        Assert.Equal(1, r.Top1.Successes);
        Assert.Equal(2, r.Top5!.Successes);
        Assert.Equal(3, r.PerClass[0].Predicted);
    }

    [Fact]
    public void Classes_without_images_stay_out_of_macro_balanced_and_worst_recall()
    {
        var acc = new ClassificationAccumulator(["a", "b", "unseen"]);
        acc.Add([1, 0, 0], 0); // a correct
        acc.Add([1, 0, 0], 1); // b predicted as a
        acc.Add([0, 1, 0], 1); // b correct

        ClassificationReport r = acc.Build();

        // a: P 1/2 R 1; b: P 1 R 1/2; unseen: support 0, everything 0 and left out.
        Assert.Equal(0.75, r.Macro.Precision, Tolerance);
        Assert.Equal(0.75, r.Macro.Recall, Tolerance);
        Assert.Equal(0.75, r.BalancedAccuracy, Tolerance);
        Assert.Equal(["b", "a"], r.WorstRecall.Select(c => c.Class));
        AssertClass(r.PerClass[2], "unseen", 2, 0, 0, 0, support: 0, predicted: 0);
        Assert.DoesNotContain(r.Warnings, w => w.Class == "unseen");
    }

    [Fact]
    public void Build_leaves_the_accumulator_usable_and_reports_everything_added_since()
    {
        var acc = new ClassificationAccumulator(["a", "b"]);
        acc.Add([1, 0], 0);
        Assert.Equal(1, acc.Build().Images);
        acc.Add([1, 0], 1);
        ClassificationReport r = acc.Build();
        Assert.Equal(2, r.Images);
        Assert.Equal(1, r.Top1.Successes);
    }

    private static void AssertClass(ClassMetrics c, string name, int index, double precision, double recall, double f1, long support, long predicted)
    {
        Assert.Equal(name, c.Class);
        Assert.Equal(index, c.Index);
        Assert.Equal(precision, c.Precision, Tolerance);
        Assert.Equal(recall, c.Recall, Tolerance);
        Assert.Equal(f1, c.F1, Tolerance);
        Assert.Equal(support, c.Support);
        Assert.Equal(predicted, c.Predicted);
    }
}
