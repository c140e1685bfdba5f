using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace McpVanguard.EndToEnd.Dashboard;

/// <summary>
/// Debian's Chromium and chromedriver (installed by .ci/run), headless, driven by Selenium; no browser download. Tests
/// that need it are skipped with the fix when the packages are missing.
/// </summary>
internal static class HeadlessChromium
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public static void Require()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Assert.Skip($"Chromium is not installed ({Browser}, {Driver}); run: apt-get install -y chromium chromium-driver");
        }
    }

    public static ChromeDriver Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000", "--no-first-run", "--disable-extensions");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return driver;
    }

    /// <summary>Waits (without a timing assertion: a generous deadline, then a failure naming what was awaited) for <paramref name="condition"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<T?> condition, string what, CancellationToken token, Func<string>? diagnostics = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + TestEnvironment.Patience;
        while (true)
        {
            try
            {
                if (condition() is { } value)
                {
                    return value;
                }
            }
            catch (Exception ex) when (ex is NoSuchElementException or StaleElementReferenceException)
            {
                // The page is being updated: look again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("gave up waiting for " + what + (diagnostics is null ? string.Empty : "\n" + diagnostics()));
            }

            await Task.Delay(100, token);
        }
    }

    /// <summary>Saves a PNG of the page when VANGUARD_DASHBOARD_SCREENSHOTS names a folder (docs/images is made this way).</summary>
    public static void Screenshot(IWebDriver driver, string name)
    {
        if (Environment.GetEnvironmentVariable("VANGUARD_DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }
}
