import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSimulatorServer, injectShim, SHIM_PATH } from "./simulator-server";

describe("injectShim", () => {
  it.each([
    ['<head><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script></head>'],
    ["<head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script></head>"],
    ["<head><script type='text/javascript' src='/node_modules/office.debug.js'></script></head>"],
  ])("swaps the office.js tag for the shim: %s", (html) => {
    const out = injectShim(html);
    expect(out).toContain(`<script src="${SHIM_PATH}"></script>`);
    expect(out).not.toMatch(/office(\.debug)?\.js/);
  });

  it("puts the shim first in <head> when the page loads no office.js", () => {
    expect(injectShim('<html><head lang="da"><title>x</title></head></html>')).toBe(
      `<html><head lang="da"><script src="${SHIM_PATH}"></script><title>x</title></head></html>`,
    );
  });
});

describe("createSimulatorServer", () => {
  let root: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "postvagt-server-"));
    mkdirSync(join(root, "simulator"));
    writeFileSync(join(root, "taskpane.html"), '<html><head><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script></head></html>');
    writeFileSync(join(root, "policy.json"), '{"built":"default"}');
    writeFileSync(join(root, "simulator", "index.html"), "<html>simulator</html>");
    writeFileSync(join(tmpdir(), "postvagt-secret.txt"), "outside the root");
    server = createSimulatorServer({ root, policyText: '{"ownDomains":["randers.dk"]}' });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  function get(path: string, host = `localhost:${port}`, method = "GET"): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
    return new Promise((done, fail) => {
      const req = request({ host: "127.0.0.1", port, path, method, headers: { host } }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => done({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      req.on("error", fail);
      req.end();
    });
  }

  it("answers 503 while npm start is still building, then serves", async () => {
    let ready = false;
    const building = createSimulatorServer({ root, isReady: () => ready });
    await new Promise<void>((r) => building.listen(0, "127.0.0.1", r));
    const at = (building.address() as AddressInfo).port;
    const status = (): Promise<number> =>
      new Promise((done, fail) => {
        const req = request({ host: "127.0.0.1", port: at, path: "/taskpane.html", headers: { host: `localhost:${at}` } }, (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        });
        req.on("error", fail);
        req.end();
      });
    try {
      await expect(status()).resolves.toBe(503);
      ready = true;
      await expect(status()).resolves.toBe(200);
    } finally {
      await new Promise((r) => building.close(r));
    }
  });

  it("serves the add-in's pages unchanged for Outlook", async () => {
    const res = await get("/taskpane.html");
    expect(res.status).toBe(200);
    expect(res.body).toContain("appsforoffice.microsoft.com");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("gives the simulator's iframes the shim instead of office.js", async () => {
    const res = await get("/taskpane.html?postvagt-simulator");
    expect(res.body).toContain(SHIM_PATH);
    expect(res.body).not.toContain("appsforoffice.microsoft.com");
  });

  it("serves the policy file given on the command line as /policy.json", async () => {
    expect((await get("/policy.json")).body).toBe('{"ownDomains":["randers.dk"]}');
  });

  it("redirects / to the simulator and serves folder index pages", async () => {
    const res = await get("/");
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe("/simulator/");
    expect((await get("/simulator/")).body).toBe("<html>simulator</html>");
  });

  it.each([
    ["a foreign Host (DNS rebinding)", "/taskpane.html", "evil.example:80", "GET", 403],
    ["a path outside dist/", "/../postvagt-secret.txt", undefined, "GET", 404],
    ["an encoded path outside dist/", "/%2e%2e/postvagt-secret.txt", undefined, "GET", 404],
    ["a POST (nothing is ever sent here)", "/policy.json", undefined, "POST", 405],
    ["a missing file", "/nope.js", undefined, "GET", 404],
  ])("refuses %s", async (_name, path, host, method, status) => {
    expect((await get(path, host ?? `localhost:${port}`, method)).status).toBe(status);
  });

  it.each(["127.0.0.1", "[::1]", "LOCALHOST"])("answers Host %s", async (name) => {
    expect((await get("/policy.json", `${name}:${port}`)).status).toBe(200);
  });
});
