/**
 * The shape of the pattern tree, built from the model alone: which rows exist, in the source's
 * order, and who is whose parent. Kept apart from the provider so the shape is easy to read and
 * the provider only turns nodes into TreeItems.
 */
import { entityKey, entityName, type Entity, type PatternIndex } from '../../model/patternIndex';
import type { Section } from '../../model/types';

export type TreeNode =
  | { readonly type: 'entity'; readonly id: string; readonly index: PatternIndex; readonly entity: Entity; readonly parent?: TreeNode }
  | { readonly type: 'group'; readonly id: string; readonly index: PatternIndex; readonly group: 'strengths' | 'weaknesses'; readonly parent: TreeNode }
  | { readonly type: 'paragraph'; readonly id: string; readonly index: PatternIndex; readonly section: Section; readonly paragraph: number; readonly text: string; readonly parent: TreeNode };

/** Builds every node of one pattern once; the provider serves them by parent. */
export class PatternTreeShape {
  readonly root: TreeNode;
  private readonly children = new Map<string, TreeNode[]>();
  private readonly byKey = new Map<string, TreeNode>();

  constructor(readonly index: PatternIndex) {
    const model = index.model;
    const prefix = `${model.id}/`;
    const root: TreeNode = { type: 'entity', id: `${prefix}pattern`, index, entity: { kind: 'pattern', model } };
    this.root = root;
    this.add(root);
    const sections: TreeNode[] = [];
    for (const section of model.sections) {
      const entity: Entity = { kind: 'section', model, section };
      const node: TreeNode = { type: 'entity', id: prefix + entityKey(entity), index, entity, parent: root };
      sections.push(node);
      this.add(node);
      const kids: TreeNode[] = section.paragraphs.map((text, paragraph) => ({
        type: 'paragraph', id: `${prefix}paragraph:${section.id}:${paragraph}`, index, section, paragraph, text, parent: node,
      }));
      if (section.kind === 'metrics') {
        for (const metric of model.metrics) kids.push(this.entityNode({ kind: 'metric', model, metric }, node));
      } else if (section.kind === 'companies') {
        for (const company of model.companies) kids.push(this.entityNode({ kind: 'company', model, company }, node));
      } else if (section.kind === 'strengthsWeaknesses') {
        for (const group of ['strengths', 'weaknesses'] as const) {
          const groupNode: TreeNode = { type: 'group', id: `${prefix}group:${group}`, index, group, parent: node };
          this.add(groupNode);
          const items = group === 'strengths' ? model.strengths : model.weaknesses;
          const kind = group === 'strengths' ? 'strength' : 'weakness';
          this.children.set(groupNode.id, items.map((text, i) => this.entityNode({ kind, model, index: i, text }, groupNode)));
          kids.push(groupNode);
        }
      }
      for (const k of kids) this.add(k);
      this.children.set(node.id, kids);
    }
    this.children.set(root.id, sections);
  }

  private entityNode(entity: Entity, parent: TreeNode): TreeNode {
    const node: TreeNode = { type: 'entity', id: `${this.index.model.id}/${entityKey(entity)}`, index: this.index, entity, parent };
    this.add(node);
    return node;
  }

  private add(node: TreeNode): void {
    this.byKey.set(node.id, node);
  }

  childrenOf(node: TreeNode): readonly TreeNode[] {
    return this.children.get(node.id) ?? [];
  }

  /** A node by entity key (`metric:gpu-utilization-rate`), as hovers' "Show in tree" links name them. */
  find(key: string): TreeNode | undefined {
    return this.byKey.get(`${this.index.model.id}/${key}`);
  }
}

/** The text Copy and Insert at Cursor use for a node. */
export function nodeText(node: TreeNode): string {
  if (node.type === 'paragraph') return node.text;
  if (node.type === 'group') {
    const model = node.index.model;
    const items = node.group === 'strengths' ? model.strengths : model.weaknesses;
    return items.map((i) => `- ${i}`).join('\n');
  }
  return entityName(node.entity);
}

/** The key of the place in the pattern document a node opens at. */
export function nodeDocumentKey(node: TreeNode): string {
  if (node.type === 'paragraph') return `paragraph:${node.section.id}:${node.paragraph}`;
  if (node.type === 'group') return node.group === 'strengths' ? 'strength:0' : 'weakness:0';
  return entityKey(node.entity);
}
