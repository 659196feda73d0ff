// The shape of a web app catalogue: nested texts; plural keys end in Intl's categories (_one, _few, …).
export interface Catalogue {
  [key: string]: string | Catalogue;
}
