import type { Sharp } from 'sharp';
import type { FileKind } from './file-types.ts';
import { mapImageErrors, openImage } from './image-input.ts';
import { type PhotoCredit, readPhotoCredit } from './photo-credit.ts';

// The copy of a photo that goes to the site: no larger than the configured long edge (never
// enlarged), in a format every browser shows, and without what the camera recorded about
// where it was and whose it is. The original in the store is only ever read.

export interface DerivativeOptions {
  longEdge: number;
  // GPS position, the camera owner's name and serial numbers come off; copyright and the
  // photographer's name stay, and so does the colour profile.
  stripPrivateMetadata: boolean;
}

export interface DerivativeOutput {
  data: Uint8Array;
  mime: string;
  extension: string;
  width: number;
  height: number;
}

type Format = 'jpeg' | 'png' | 'gif';

export async function makeDerivative(bytes: Uint8Array, kind: FileKind, options: DerivativeOptions): Promise<DerivativeOutput> {
  const opened = await openImage(bytes, kind, { animated: kind === 'gif' });
  // Many tools save an alpha channel that is opaque everywhere; only real transparency counts.
  const transparent = opened.hasAlpha && kind !== 'png' && kind !== 'gif' && !(await mapImageErrors(opened.image.clone().stats())).isOpaque;
  const format = outputFormat(kind, transparent);
  const fits = Math.max(opened.width, opened.height) <= options.longEdge;
  // A PNG graphic or an animated GIF that already fits and carries nothing private is sent as
  // it is: re-encoding would only lose the animation's timing tweaks or the PNG's palette.
  const nothingPrivate = !options.stripPrivateMetadata || (!opened.exif && !opened.hasXmp);
  if ((kind === 'png' || kind === 'gif') && fits && nothingPrivate) {
    return { data: bytes, mime: MIME[format], extension: format === 'jpeg' ? 'jpg' : format, width: opened.width, height: opened.height };
  }
  let image = opened.image.resize(options.longEdge, options.longEdge, { fit: 'inside', withoutEnlargement: true });
  image = encode(image, format);
  image = options.stripPrivateMetadata ? withCreditOnly(image, readPhotoCredit(opened.exif)) : image.keepMetadata();
  const { data, info } = await mapImageErrors(image.toBuffer({ resolveWithObject: true }));
  return {
    data,
    mime: MIME[format],
    extension: format === 'jpeg' ? 'jpg' : format,
    width: info.width,
    // An animated GIF's info.height is every frame stacked.
    height: info.pageHeight ?? info.height,
  };
}

const MIME: Record<Format, string> = { jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

// Photos become JPEG, the one format every reader's browser and every social preview takes.
// PNG stays PNG (screenshots, graphics, transparency), GIF stays GIF (animation), and a photo
// with transparency (WebP, TIFF, AVIF) becomes PNG rather than losing it.
function outputFormat(kind: FileKind, transparent: boolean): Format {
  if (kind === 'gif') return 'gif';
  if (kind === 'png' || transparent) return 'png';
  return 'jpeg';
}

function encode(image: Sharp, format: Format): Sharp {
  if (format === 'jpeg') return image.jpeg({ quality: 85, progressive: true, chromaSubsampling: '4:2:0' });
  if (format === 'png') return image.png({ compressionLevel: 7, adaptiveFiltering: true });
  return image.gif();
}

// Everything else in EXIF, XMP and IPTC is left behind (sharp writes none of it unless asked),
// the ICC profile is kept so colours stay right, and the credit is written back. EXIF text is
// ASCII by its standard, so libvips transliterates a Korean name there ("© 부산" → "(C) ??");
// the same credit also goes into XMP (dc:creator, dc:rights), which is Unicode and which
// WordPress and photo tools read first.
function withCreditOnly(image: Sharp, credit: PhotoCredit): Sharp {
  let result = image.keepIccProfile();
  const ifd0: Record<string, string> = {};
  if (credit.artist) ifd0.Artist = credit.artist;
  if (credit.copyright) ifd0.Copyright = credit.copyright;
  if (Object.keys(ifd0).length === 0) return result;
  result = result.withExif({ IFD0: ifd0 });
  return result.withXmp(creditXmp(credit));
}

function creditXmp(credit: PhotoCredit): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const creator = credit.artist ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(credit.artist)}</rdf:li></rdf:Seq></dc:creator>` : '';
  const rights = credit.copyright ? `<dc:rights>${alt(credit.copyright)}</dc:rights>` : '';
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${creator}${rights}</rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
