using EffNetBench.Core.Evaluation.Data;
using EffNetBench.Core.Evaluation.Leakage;
using EffNetBench.IntegrationTests.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary>Folders that cannot be checked fail before any image is read, with one line naming the folder and the fix.</summary>
public sealed class LeakageFoldersTests : IDisposable
{
    private readonly DataWorkspace _ws = new();

    public LeakageFoldersTests()
    {
        _ws.Image("data/train/a.png", SKColors.Red);
        _ws.Image("data/test/b.png", SKColors.Blue);
        _ws.Text("data/empty/readme.txt", "no images here");
    }

    public void Dispose() => _ws.Dispose();

    [Theory]
    [InlineData("data/missing", "data/test", "training folder '{train}' not found: pass the folder holding the training images as TRAIN_DIR")]
    [InlineData("data/train", "data/missing", "test folder '{test}' not found: pass the folder holding the test images as TEST_DIR")]
    [InlineData("data/train/a.png", "data/test", "training folder '{train}' is a file: pass the folder holding the training images as TRAIN_DIR")]
    [InlineData("data/empty", "data/test", "training folder '{train}' has no images (.jpg, .jpeg, .png, .webp, .bmp, .gif, searched recursively): check the path")]
    [InlineData("data/train", "data/empty", "test folder '{test}' has no images (.jpg, .jpeg, .png, .webp, .bmp, .gif, searched recursively): check the path")]
    [InlineData("data/train", "data/train/", "the training and test folders are the same folder '{test}': pass the training images' folder, then the test images' folder")]
    [InlineData("data", "data/test", "'{test}' is inside '{train}', so its images would be compared with themselves: pass two separate folders (e.g. data/train and data/test)")]
    [InlineData("data/train", "data", "'{train}' is inside '{test}', so its images would be compared with themselves: pass two separate folders (e.g. data/train and data/test)")]
    public void Unusable_folders_are_named_with_the_fix(string train, string test, string message)
    {
        string trainPath = Path.TrimEndingDirectorySeparator(_ws.PathOf(train));
        string testPath = Path.TrimEndingDirectorySeparator(_ws.PathOf(test));

        var e = Assert.Throws<DatasetException>(() => LeakageRequest.FromFolders(_ws.PathOf(train), _ws.PathOf(test)));

        Assert.Equal(message.Replace("{train}", trainPath, StringComparison.Ordinal).Replace("{test}", testPath, StringComparison.Ordinal), e.Message);
    }

    [Fact]
    public void Two_separate_folders_are_accepted()
    {
        LeakageRequest request = LeakageRequest.FromFolders(_ws.PathOf("data/train"), _ws.PathOf("data/test"), threshold: 4);

        Assert.Equal([new LeakageImage(_ws.PathOf("data/train/a.png"), null)], request.Train.ToArray());
        Assert.Equal([new LeakageImage(_ws.PathOf("data/test/b.png"), null)], request.Test.ToArray());
        Assert.Equal(4, request.Threshold);
        Assert.Equal(_ws.PathOf("data/test"), request.TestRoot);
    }
}
