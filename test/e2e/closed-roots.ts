import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * The sidebar lives in a closed shadow root so the helpdesk page's scripts cannot read or press it (security
 * review A2). Playwright's locators only pierce open roots, so the tests make the closed roots findable, and only
 * for the test: DevTools (CDP) sees every shadow root, hands each closed one to the page's main world, and a
 * `shadowRoot` getter installed by the test falls back to it. Clicks and typing still go through Playwright's real
 * input events; only *finding* the elements is helped. Pages opened with `reveal: false` behave as shipped: a page
 * script reads `null` from the host's `shadowRoot`.
 */

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  contentDocument?: CdpNode;
}

const STASH = '__batonTestClosedRoots';
/** Playwright runs locators in its own isolated world, page.evaluate in the main world: both get the fallback. */
const UTILITY_WORLD = '__playwright_utility_world_';

/** Evaluated in a world of the page; never part of the extension. */
const INSTALL_GETTER = `(() => {
  if (window['${STASH}']) return;
  const map = new WeakMap();
  Object.defineProperty(window, '${STASH}', { value: map });
  const own = Object.getOwnPropertyDescriptor(Element.prototype, 'shadowRoot');
  Object.defineProperty(Element.prototype, 'shadowRoot', {
    configurable: true,
    get() { return own.get.call(this) ?? map.get(this) ?? null; },
  });
})()`;

type Pair = { host: number; root: number };

async function stashIn(session: CDPSession, contextId: number, { host, root }: Pair): Promise<void> {
  try {
    const [{ object: hostObj }, { object: rootObj }] = await Promise.all([
      session.send('DOM.resolveNode', { backendNodeId: host, executionContextId: contextId }),
      session.send('DOM.resolveNode', { backendNodeId: root, executionContextId: contextId }),
    ]);
    if (!hostObj.objectId || !rootObj.objectId) return;
    await session.send('Runtime.callFunctionOn', {
      objectId: hostObj.objectId,
      functionDeclaration: `function (root) { window['${STASH}']?.set(this, root); }`,
      arguments: [{ objectId: rootObj.objectId }],
    });
  } catch {
    // The node or the world went away (navigation, re-render); the next one is handed over when it appears.
  }
}

function closedRootsIn(node: CdpNode | undefined, found: Pair[] = []): Pair[] {
  if (!node) return found;
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed') found.push({ host: node.backendNodeId, root: root.backendNodeId });
    closedRootsIn(root, found);
  }
  for (const child of node.children ?? []) closedRootsIn(child, found);
  return closedRootsIn(node.contentDocument, found);
}

async function revealPage(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const worlds = new Set<number>();
  let pairs: Pair[] = [];
  const hand = (found: Pair[]) => {
    pairs.push(...found);
    for (const id of worlds) for (const pair of found) void stashIn(session, id, pair);
  };
  session.on('Runtime.executionContextCreated', ({ context }) => {
    const aux = context.auxData as { isDefault?: boolean } | undefined;
    if (!aux?.isDefault && !context.name.startsWith(UTILITY_WORLD)) return;
    worlds.add(context.id);
    void session
      .send('Runtime.evaluate', { expression: INSTALL_GETTER, contextId: context.id })
      .then(() => Promise.all(pairs.map((pair) => stashIn(session, context.id, pair))))
      .catch(() => {});
  });
  session.on('Runtime.executionContextDestroyed', (e) => worlds.delete(e.executionContextId));
  session.on('Runtime.executionContextsCleared', () => worlds.clear());
  const scan = async () => {
    try {
      const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
      pairs = [];
      hand(closedRootsIn(root as CdpNode));
    } catch {
      // The page is closing.
    }
  };
  // A root attached after the scan arrives with its host, or as its own event once DevTools knows the host.
  session.on('DOM.childNodeInserted', (e) => hand(closedRootsIn(e.node as CdpNode)));
  session.on('DOM.shadowRootPushed', (e) => {
    const root = e.root as CdpNode;
    if (root.shadowRootType !== 'closed') return;
    void session
      .send('DOM.describeNode', { nodeId: e.hostId })
      .then(({ node }) => hand([{ host: node.backendNodeId, root: root.backendNodeId }]))
      .catch(() => {});
  });
  session.on('DOM.documentUpdated', () => void scan());
  await session.send('Runtime.enable');
  await session.send('DOM.enable');
  await scan();
}

/** Makes closed shadow roots findable by locators in every page of the context, present and future. */
export async function revealClosedRoots(context: BrowserContext): Promise<void> {
  context.on('page', (page) => void revealPage(page).catch(() => {}));
  await Promise.all(context.pages().map(revealPage));
}

/** Finds `selector` inside the closed shadow root of `hostTag` through DevTools alone (no page script). */
async function findInClosedRoot(session: CDPSession, hostTag: string, selector: string): Promise<number> {
  const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
  const hostOf = (node: CdpNode & { nodeName?: string }): CdpNode | undefined => {
    if (node.nodeName?.toLowerCase() === hostTag) return node;
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
      const found = hostOf(child);
      if (found) return found;
    }
    return undefined;
  };
  const shadow = hostOf(root as CdpNode)?.shadowRoots?.[0];
  if (!shadow) return 0;
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
  return nodeId;
}

/** Waits until `selector` shows inside the closed root of `hostTag`, on a page where nothing reveals the root. */
export async function waitInClosedRoot(page: Page, hostTag: string, selector: string, timeout = 30_000): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    for (const end = Date.now() + timeout; Date.now() < end; await page.waitForTimeout(200))
      if (await findInClosedRoot(session, hostTag, selector)) return;
    throw new Error(`${selector} did not show in ${hostTag} within ${timeout} ms`);
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * A real mouse click on an element inside a closed root, found through DevTools: what an agent's click does, on
 * a page where nothing reveals the root.
 */
export async function clickInClosedRoot(page: Page, hostTag: string, selector: string): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const target = await findInClosedRoot(session, hostTag, selector);
    if (!target) throw new Error(`${selector} not found in ${hostTag}'s shadow root`);
    await session.send('DOM.scrollIntoViewIfNeeded', { nodeId: target });
    const { model } = await session.send('DOM.getBoxModel', { nodeId: target });
    const [x1, y1, , , x3, y3] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await session.detach().catch(() => {});
  }
}
