// Element descriptions (view.mjs) to DOM nodes. Text becomes text nodes and attribute values go
// through setAttribute: nothing is parsed as HTML, so case text cannot inject markup or script,
// and nothing here needs 'unsafe-inline' or 'unsafe-eval' under a Content-Security-Policy.

/** DOM nodes for descriptions, made by `doc` (the page's document). */
export function toDom(doc, nodes) {
  return nodes.map((node) => {
    if (typeof node === 'string') return doc.createTextNode(node);
    const element = doc.createElement(node.tag);
    for (const [name, value] of node.attrs) element.setAttribute(name, value);
    for (const child of toDom(doc, node.children)) element.appendChild(child);
    return element;
  });
}

/** Replaces everything after `anchor` in its parent with the described nodes. */
export function replaceAfter(anchor, nodes) {
  while (anchor.nextSibling) anchor.parentNode.removeChild(anchor.nextSibling);
  for (const node of toDom(anchor.ownerDocument, nodes)) anchor.parentNode.appendChild(node);
}
