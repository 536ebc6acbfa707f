import type { AgreementReport } from '../../../shared/answers/calibration';
import { kappaMethod, kappaText, percentText } from './format';

/** Per look-for: the rooms it rests on, percent agreement and kappa. */
export function AgreementTable({ report }: { report: AgreementReport }) {
  return (
    <div class="calibration-scroll">
      <table class="calibration-table">
        <caption class="visually-hidden">Agreement per look-for</caption>
        <thead>
          <tr>
            <th scope="col">Look-for</th>
            <th scope="col">Rooms</th>
            <th scope="col">Agreed</th>
            <th scope="col">
              Kappa <small class="muted">(beyond chance)</small>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.lookFors.map((row) => (
            <tr key={row.lookForId}>
              <th scope="row">{row.text}</th>
              <td>{row.rooms}</td>
              <td>{percentText(row)}</td>
              <td>
                {kappaText(row)}
                {row.kappa !== null && <small class="muted"> {kappaMethod(row)}</small>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted calibration-note">
        Agreed: the share of rooms (and observer pairs) with the same answer. Kappa takes out the
        agreement chance alone would give: Cohen’s for two observers, Fleiss’ for more; “—” when it
        cannot be worked out (every answer the same, or no room answered by everyone).
      </p>
    </div>
  );
}
