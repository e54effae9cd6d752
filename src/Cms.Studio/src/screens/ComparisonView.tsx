import { changedLists, diffSide, headingChange, isUnchanged, movedPlaces, sectionChangeKind, type Comparison } from '../../../web-shared/compare';
import { strings } from '../app/strings';

const h = strings.history;

/** The comparison of two versions, wherever one is shown (the history, a conflict in the editor). */
/** Two versions compared: changed fields side by side, list items added and removed, each section's word diff. */
export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const c = comparison;
  if (isUnchanged(c)) {
    return (
      <p className="empty" data-testid="comparison">
        {h.same(c.from, c.to)}
      </p>
    );
  }
  return (
    <div className="comparison" data-testid="comparison">
      {c.fields.length > 0 && (
        <table className="articles field-changes">
          <caption>{h.changedFields}</caption>
          <thead>
            <tr>
              <th scope="col">{h.field}</th>
              <th scope="col">{h.versionN(c.from)}</th>
              <th scope="col">{h.versionN(c.to)}</th>
            </tr>
          </thead>
          <tbody>
            {c.fields.map((f) => (
              <tr key={f.field} data-field={f.field}>
                <th scope="row">{h.fieldNames[f.field] ?? f.field}</th>
                <td className="old">{f.oldValue ?? h.none}</td>
                <td className="new">{f.newValue ?? h.none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changedLists(c).map((list) => (
        <div key={list} className="list-change" data-list={list}>
          <h3>{h.listNames[list]}</h3>
          <ul>
            {c[list].added.map((item) => (
              <li key={`+${item}`}>
                <ins>{item}</ins> <span className="hint">{h.added}</span>
              </li>
            ))}
            {c[list].removed.map((item) => (
              <li key={`-${item}`}>
                <del>{item}</del> <span className="hint">{h.removed}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {c.sections.map((section) => {
        const move = movedPlaces(section);
        const heading = headingChange(section);
        return (
          <div key={section.key} className={`section-diff ${sectionChangeKind(section)}`} data-testid="section-diff" data-change={sectionChangeKind(section)}>
            <h3>
              {section.newHeading ?? section.oldHeading ?? section.key} <span className="hint">{h.kinds[sectionChangeKind(section)]}</span>
            </h3>
            {move && <p className="hint">{h.moved(move.from, move.to)}</p>}
            {heading && (
              <p className="hint">
                {h.heading}: <del>{heading.from}</del> <ins>{heading.to}</ins>
              </p>
            )}
            {section.bodyDiff.length > 0 && (
              <div className="diff-columns">
                {(['old', 'new'] as const).map((side) => (
                  <div key={side} className={`diff ${side}`}>
                    <p className="label">{h.versionN(side === 'old' ? c.from : c.to)}</p>
                    {(side === 'old' ? section.added : section.removed) ? (
                      <p className="hint">{h.notInVersion}</p>
                    ) : (
                      <p className="diff-body">
                        {diffSide(section.bodyDiff, side).map((piece, i) =>
                          piece.marked ? side === 'old' ? <del key={i}>{piece.text}</del> : <ins key={i}>{piece.text}</ins> : piece.text,
                        )}
                      </p>
                    )}
                  </div>
                ))}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
