import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/import';
import { importError, singleByteEncoder, utf8 } from './helpers';

const page = `<!DOCTYPE html>
<html lang="kk-KZ">
<head>
  <meta charset="utf-8">
  <title>  Велизаде: шаг   Казахстана — Kazpravda.kz </title>
  <meta name="author" content="Ильгар &amp; Co">
  <meta property="og:site_name" content="Kazpravda.kz">
  <meta property="article:published_time" content="2025-11-07T09:15:00+05:00">
  <style>body { color: red; } .secret { display: none }</style>
  <script>window.stolen = document.cookie;</script>
</head>
<body onload="alert('body')">
  <header><h1>Kazpravda.kz</h1><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav></header>
  <aside>Реклама</aside>
  <article class="teaser"><p>Короткая заметка.</p></article>
  <article>
    <h1>Шаг   Казахстана</h1>
    <p>Президент   Касым-Жомарт <b>Токаев</b>
       посетил <a href="https://example.com">Вашингтон</a>&nbsp;и провёл переговоры &laquo;на высшем уровне&raquo;.</p>
    <img src="x.png" onerror="alert('img')" alt="фото">
    <script>document.write('injected')</script>
    <noscript>Включите JavaScript</noscript>
    <div hidden>скрытый текст</div>
    <p aria-hidden="true">тоже скрыто</p>
    <blockquote><p>Цитата эксперта.</p></blockquote>
    <ul><li>Первый пункт</li><li>Второй <em>пункт</em></li></ul>
    <p>Строка один<br>Строка два</p>
    <pre>
  код   с пробелами
    и отступом</pre>
    <table><tr><th>Страна</th><th>Год</th></tr><tr><td>Казахстан</td><td> 2025 </td></tr></table>
    <form><button>Подписаться</button></form>
    <figure><img src="m.png"><figcaption>Подпись к карте</figcaption></figure>
  </article>
  <footer>© Kazpravda</footer>
</body>
</html>`;

describe('html import', () => {
  it('keeps only the largest article, as paragraphs, with no script or chrome text', async () => {
    const doc = await extractDocument({ name: 'velizade.html', bytes: utf8(page) });

    expect(doc.text).toBe(
      [
        'Шаг Казахстана',
        'Президент Касым-Жомарт Токаев посетил Вашингтон\u00a0и провёл переговоры «на высшем уровне».',
        'Цитата эксперта.',
        'Первый пункт',
        'Второй пункт',
        'Строка один',
        'Строка два',
        '  код   с пробелами\n    и отступом',
        'Страна\tГод',
        'Казахстан\t2025',
        'Подпись к карте',
      ].join('\n\n'),
    );
    for (const leaked of ['alert', 'injected', 'cookie', 'color', 'Главная', 'Реклама', 'скрыт', 'JavaScript', 'Подписаться', '©', 'Короткая']) {
      expect(doc.text).not.toContain(leaked);
    }
    expect(doc.title).toBe('Велизаде: шаг Казахстана — Kazpravda.kz');
    expect(doc.language).toBe('kk');
    expect(doc.author).toBe('Ильгар & Co');
    expect(doc.outlet).toBe('Kazpravda.kz');
    expect(doc.date).toBe('2025-11-07');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
  });

  it('falls back to <main>, then <body>; title from the first <h1>, date from <time>', async () => {
    const withMain = `<html><body><div>Меню сайта</div><main><h1>Заголовок</h1><p>Текст статьи.</p><time datetime="2025-11-10">10 ноября</time></main></body></html>`;
    const main = await extractDocument({ name: 'main.htm', bytes: utf8(withMain) });
    expect(main.text).toBe('Заголовок\n\nТекст статьи.\n\n10 ноября');
    expect(main.title).toBe('Заголовок');
    expect(main.date).toBe('2025-11-10');
    expect(main.language).toBe('ru');

    const bodyOnly = await extractDocument({ name: 'Просто страница.html', bytes: utf8('<p>One <i>two</i></p><div>three</div>four') });
    expect(bodyOnly.text).toBe('One two\n\nthree\n\nfour');
    expect(bodyOnly.title).toBe('Просто страница');
    expect(bodyOnly.date).toBeNull();
    expect(bodyOnly.author).toBe('');
    expect(bodyOnly.outlet).toBe('');
    expect(bodyOnly.language).toBe('en');
  });

  it("keeps an article's own <header> but drops the page header, and reads title and date from it", async () => {
    const html = `<html><body>
      <header><h1>Zakon.kz</h1><p>Site slogan</p></header>
      <article>
        <header><h1>Kazakhstan's careful course</h1><p>By <span>Azer Badamov</span>, <time datetime="2026-03-02">March 2</time></p></header>
        <p>Kazakhstan shows a careful but principled course.</p>
        <footer>Share this</footer>
      </article>
    </body></html>`;
    const doc = await extractDocument({ name: 'zakon.html', bytes: utf8(html) });
    expect(doc.text).toBe(
      "Kazakhstan's careful course\n\nBy Azer Badamov, March 2\n\nKazakhstan shows a careful but principled course.",
    );
    expect(doc.title).toBe("Kazakhstan's careful course");
    expect(doc.date).toBe('2026-03-02');
    expect(doc.language).toBe('en');
  });

  it('honours a declared windows-1251 charset when the bytes are not UTF-8', async () => {
    const toCp1251 = singleByteEncoder('windows-1251');
    // Too few Russian letters among the non-ASCII characters to pass the Windows-1251 guess on its own.
    const body = '<p>Цена ‰ ‰ ‰ Ђ Ђ † ‡ • Ѓ Ј</p>';
    const declared = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${body}</body></html>`;
    const doc = await extractDocument({ name: 'cp.html', bytes: toCp1251(declared) });
    expect(doc.encoding).toBe('windows-1251');
    expect(doc.text).toBe('Цена ‰ ‰ ‰ Ђ Ђ † ‡ • Ѓ Ј');

    const undeclared = await importError('cp.html', toCp1251(`<html><body>${body}</body></html>`));
    expect(undeclared.message).toContain('"cp.html" is not valid UTF-8');
  });
});
