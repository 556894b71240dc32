// A phone line as written ("0800-0432 (gratis)", "113 of 0800-0113"), with every number a tel: link.
import { For } from 'solid-js';

const NUMBER = /(\+?\d[\d -]*\d)/;

export function PhoneNumber(props: { text: string }) {
  const parts = () => props.text.split(NUMBER);
  return (
    <For each={parts()}>
      {(part, i) =>
        i() % 2 === 1 ? (
          <a class="contact-link" href={`tel:${part.replace(/[^\d+]/g, '')}`}>
            {part}
          </a>
        ) : (
          part
        )
      }
    </For>
  );
}
