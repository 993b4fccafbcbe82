// A stand-in for a VS Code language pack, for the e2e window that runs in another display language.
// VS Code (and so code-server's `--locale`) honours a display language only when an installed
// extension contributes `localizations` for it; otherwise the workbench and the extension host stay
// in English, and `vscode.env.language` is `en`. The real packs come from the marketplace, which the
// e2e machine cannot reach. This one contributes the language with an empty translation of the
// workbench: the workbench's own strings stay English, but the extension host runs in that language,
// so extensions' `package.nls.<lang>.json` and `l10n/bundle.l10n.<lang>.json` are used as a user with
// the real pack would see them.
'use strict';

const fs = require('fs');
const path = require('path');

const PUBLISHER = 'mlkata-e2e';

/**
 * Installs a language pack for `locale` (e.g. `zh-cn`) into the window's extensions folder: the
 * extension itself, its entry in the folder's `extensions.json`, and the user-data `languagepacks.json`
 * that the server reads before the first extension host starts.
 */
function installLanguagePack(dirs, locale) {
  const name = `language-pack-${locale}`;
  const version = '0.0.1';
  const folder = `${PUBLISHER}.${name}-${version}`;
  const location = path.join(dirs.extensions, folder);
  const translations = path.join(location, 'translations', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const manifest = {
    name,
    displayName: `Display language ${locale} (e2e)`,
    publisher: PUBLISHER,
    version,
    engines: { vscode: '*' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }],
    },
  };
  fs.writeFileSync(path.join(location, 'package.json'), JSON.stringify(manifest, null, 2));

  const id = `${PUBLISHER}.${name}`;
  const registry = path.join(dirs.extensions, 'extensions.json');
  const installed = fs.existsSync(registry) ? JSON.parse(fs.readFileSync(registry, 'utf8')) : [];
  installed.push({
    identifier: { id },
    version,
    location: { $mid: 1, path: location, scheme: 'file' },
    relativeLocation: folder,
    metadata: { installedTimestamp: Date.now(), source: 'vsix' },
  });
  fs.writeFileSync(registry, JSON.stringify(installed));

  const packs = {
    [locale]: {
      hash: `e2e${version.replace(/\./g, '')}`,
      extensions: [{ extensionIdentifier: { id }, version }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(dirs.userData, 'languagepacks.json'), JSON.stringify(packs));
}

module.exports = { installLanguagePack };
