import { join, resolve } from "node:path";
import { OFFICE_ADDIN_DEBUGGING, sideloadPlan } from "./sideload";

const MANIFEST = join(resolve(__dirname, ".."), "dist-dev", "manifest.xml");
const https = '<OfficeApp><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/></OfficeApp>';

describe("npm run sideload", () => {
  it("asks for npm start first when there is no manifest", () => {
    expect(sideloadPlan("win32", MANIFEST, undefined, false)).toEqual({ message: expect.stringContaining("npm start") });
  });

  it("runs office-addin-debugging against the running server on Windows", () => {
    const plan = sideloadPlan("win32", MANIFEST, https, false);
    expect(plan.run).toEqual({
      command: "npx",
      args: ["--yes", OFFICE_ADDIN_DEBUGGING, "start", MANIFEST, "desktop", "--app", "outlook", "--no-debug", "--no-live-reload", "--dev-server-port", "3000"],
    });
  });

  it("removes it again with --stop", () => {
    expect(sideloadPlan("win32", MANIFEST, https, true).run?.args).toEqual(["--yes", OFFICE_ADDIN_DEBUGGING, "stop", MANIFEST]);
  });

  it("refuses a plain-HTTP manifest: Outlook would not load it", () => {
    const plan = sideloadPlan("win32", MANIFEST, https.replace("https:", "http:"), false);
    expect(plan.run).toBeUndefined();
    expect(plan.message).toContain("HTTPS only");
  });

  it.each(["darwin", "linux"] as const)("prints the by-hand steps on %s", (platform) => {
    const plan = sideloadPlan(platform, MANIFEST, https, false);
    expect(plan.run).toBeUndefined();
    expect(plan.message).toContain("https://aka.ms/olksideload");
    expect(plan.message).toContain(join("dist-dev", "manifest.xml"));
  });
});
