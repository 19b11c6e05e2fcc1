/** The codebook as a Word document: one heading per code (its level follows its depth), its entry as labelled paragraphs. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { xmlSafe } from '../export/wordml';
import { codebookLabels, countsOf, fieldsOf, type Codebook } from './model';

const HEADINGS = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const MUTED = '5D6673';

export async function codebookDocx(c: Codebook): Promise<Buffer> {
  const l = codebookLabels(c.language);
  // Text from the project may hold characters XML 1.0 cannot carry; xmlSafe drops them.
  const s = (text: string) => xmlSafe(text);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(s(`${l.title}: ${c.project}`))] }),
    new Paragraph({ children: [new TextRun({ text: s(`${l.generated} ${c.generatedAt}`), color: MUTED, size: 18 })] }),
  ];
  if (c.entries.length === 0) children.push(new Paragraph(s(l.empty)));
  for (const e of c.entries) {
    const indent = { left: e.depth * 360 };
    children.push(
      new Paragraph({ heading: HEADINGS[Math.min(e.depth, HEADINGS.length - 1)], indent, children: [new TextRun(s(e.path))] }),
      new Paragraph({ indent, children: [new TextRun({ text: s(countsOf(e, l)), color: MUTED, size: 18 })] }),
    );
    for (const f of fieldsOf(e, l)) {
      children.push(new Paragraph({ indent, children: [new TextRun({ text: s(`${f.label}: `), bold: true }), new TextRun(s(f.text))] }));
    }
  }
  const doc = new Document({
    creator: s(c.project),
    title: s(`${l.title}: ${c.project}`),
    styles: { default: { document: { run: { font: 'Georgia', size: 21 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
