import type { ComponentChildren } from 'preact';

/**
 * A list of records as a table that scrolls inside itself on a wide screen and stacks each row
 * as a card on a phone (styles.css `.stacked-table`): headers given once, rows as children.
 */
export function ListTable(props: { testId: string; caption: string; headers: readonly string[]; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table class="stats-table stacked-table" data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
