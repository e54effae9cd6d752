import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

/** One choice among labelled options: React Aria's Select (a button, a listbox in a popover, full keyboard support). */
export function ChoiceField<Value extends string>({
  label,
  options,
  selected,
  onChange,
}: {
  label: string;
  options: Record<Value, string>;
  selected: Value;
  onChange: (value: Value) => void;
}) {
  return (
    <Select className="field" selectedKey={selected} onSelectionChange={(key) => onChange(String(key) as Value)}>
      <Label className="label">{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {(Object.entries(options) as [Value, string][]).map(([value, text]) => (
            <ListBoxItem key={value} id={value} className="option">
              {text}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
