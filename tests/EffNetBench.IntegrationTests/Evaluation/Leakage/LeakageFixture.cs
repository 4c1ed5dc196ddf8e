using EffNetBench.IntegrationTests.Evaluation.Data;
using SkiaSharp;

namespace EffNetBench.IntegrationTests.Evaluation.Leakage;

/// <summary>
/// A training and a test folder with known leakage, generated once per test class (tests only read them):
/// <list type="bullet">
/// <item>train: cat/photo0-4.png, dog/photo5-9.jpg (distinct synthetic photos, 500x375), cat/blank.png (one solid
/// colour), plus notes.txt and .cache/photo0.png, which are not counted.</item>
/// <item>test: cat/copy.png (photo0's bytes: exact), cat/photo1.bmp (photo1's pixels as BMP: near at distance 0),
/// dog/brighter.png (photo3 plus 30 levels, filed under another class: near, label conflict), cat/resized.jpg (photo4
/// at 250x188, JPEG quality 60: near), cat/other0.png, dog/other1.jpg, other2.png (distinct photos; the last one
/// outside any class folder), dog/blank.png (another solid colour: no pHash), cat/corrupt.jpg (unreadable).</item>
/// </list>
/// </summary>
public sealed class LeakageFixture : IDisposable
{
    public LeakageFixture()
    {
        for (int seed = 0; seed < 10; seed++)
        {
            using SKBitmap photo = SyntheticPhotos.Make(seed);
            string path = seed < 5 ? $"train/cat/photo{seed}.png" : $"train/dog/photo{seed}.jpg";
            Work.Save(path, photo);
            switch (seed)
            {
                case 1:
                    Work.Save("test/cat/photo1.bmp", photo);
                    break;
                case 3:
                    using (SKBitmap brighter = SyntheticPhotos.Brightened(photo, 30))
                    {
                        Work.Save("test/dog/brighter.png", brighter);
                    }

                    break;
                case 4:
                    File.WriteAllBytes(NewFile("test/cat/resized.jpg"), SyntheticPhotos.ResizedJpeg(photo, 250, 188, 60));
                    break;
            }
        }

        File.Copy(Work.PathOf("train/cat/photo0.png"), NewFile("test/cat/copy.png"));
        File.Copy(Work.PathOf("train/cat/photo0.png"), NewFile("train/.cache/photo0.png"));
        Work.Text("train/notes.txt", "not an image");
        Work.Image("train/cat/blank.png", new SKColor(250, 250, 250), 500, 375);
        Work.Image("test/dog/blank.png", new SKColor(10, 10, 10), 500, 375);
        Work.Text("test/cat/corrupt.jpg", "this is not a JPEG");
        string[] others = ["test/cat/other0.png", "test/dog/other1.jpg", "test/other2.png"];
        for (int i = 0; i < others.Length; i++)
        {
            using SKBitmap other = SyntheticPhotos.Make(100 + i);
            Work.Save(others[i], other);
        }
    }

    internal DataWorkspace Work { get; } = new();

    public string Train => Work.PathOf("train");

    public string Test => Work.PathOf("test");

    public string TrainFile(string relative) => Path.Combine(Train, relative);

    public string TestFile(string relative) => Path.Combine(Test, relative);

    public void Dispose() => Work.Dispose();

    private string NewFile(string relative)
    {
        string path = Work.PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
