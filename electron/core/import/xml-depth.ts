/**
 * The nesting depth of an XML stream, measured chunk by chunk while it is inflated, so a part that
 * nests elements hundreds of thousands deep is refused before a parser recurses into it. The count
 * is a cheap reading of the markup (open tags up, close tags and `/>` down; comments, CDATA,
 * processing instructions and quoted attribute values skipped), not validation.
 */
const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

type State = 'text' | 'tag-start' | 'open-tag' | 'close-tag' | 'bang' | 'comment' | 'cdata' | 'special';

export class XmlDepthMeter {
  /** Deepest nesting seen so far. */
  deepest = 0;
  private depth = 0;
  private state: State = 'text';
  private quote = 0;
  private previous = 0;
  private beforePrevious = 0;

  feed(chunk: Uint8Array): void {
    for (const byte of chunk) {
      switch (this.state) {
        case 'text':
          if (byte === LT) this.state = 'tag-start';
          break;
        case 'tag-start':
          if (byte === SLASH) this.state = 'close-tag';
          else if (byte === BANG) this.state = 'bang';
          else if (byte === QUESTION) this.state = 'special';
          else {
            this.state = 'open-tag';
            this.depth++;
            if (this.depth > this.deepest) this.deepest = this.depth;
          }
          break;
        case 'open-tag':
          if (this.quote) {
            if (byte === this.quote) this.quote = 0;
          } else if (byte === DQUOTE || byte === SQUOTE) {
            this.quote = byte;
          } else if (byte === GT) {
            if (this.previous === SLASH) this.depth--;
            this.state = 'text';
          }
          break;
        case 'close-tag':
          if (byte === GT) {
            this.depth = Math.max(0, this.depth - 1);
            this.state = 'text';
          }
          break;
        case 'bang':
          if (byte === DASH) this.state = 'comment';
          else if (byte === BRACKET) this.state = 'cdata';
          else this.state = byte === GT ? 'text' : 'special';
          break;
        case 'comment':
          if (byte === GT && this.previous === DASH && this.beforePrevious === DASH) this.state = 'text';
          break;
        case 'cdata':
          if (byte === GT && this.previous === CLOSE_BRACKET && this.beforePrevious === CLOSE_BRACKET) this.state = 'text';
          break;
        case 'special':
          if (byte === GT) this.state = 'text';
          break;
      }
      this.beforePrevious = this.previous;
      this.previous = byte;
    }
  }
}
