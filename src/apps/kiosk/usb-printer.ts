import { isString, localSetting } from '../../ui/local-setting.ts';

/**
 * A thermal receipt printer on the kiosk's USB port, through WebUSB (Chromium). The manager
 * connects it once in the kiosk settings (the browser asks for permission then); the kiosk
 * remembers the choice and finds the printer again on later starts.
 */
interface UsbEndpoint {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: string;
}
interface UsbAlternate {
  readonly interfaceClass: number;
  readonly endpoints: readonly UsbEndpoint[];
}
interface UsbInterface {
  readonly interfaceNumber: number;
  readonly alternate: UsbAlternate;
}
interface UsbDevice {
  readonly productName?: string;
  readonly manufacturerName?: string;
  readonly serialNumber?: string;
  readonly opened: boolean;
  readonly configuration: { readonly interfaces: readonly UsbInterface[] } | null;
  open(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(n: number): Promise<void>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ status: string }>;
}
interface Usb {
  requestDevice(options: { filters: { classCode?: number }[] }): Promise<UsbDevice>;
  getDevices(): Promise<UsbDevice[]>;
}

const PRINTER_CLASS = 0x07;
const remembered = localSetting('nextup.kiosk.usbPrinter', isString);

function usb(): Usb | undefined {
  return (navigator as Navigator & { usb?: Usb }).usb;
}

export function usbPrintingSupported(): boolean {
  return usb() !== undefined;
}

export interface UsbPrinter {
  readonly name: string;
  print(bytes: Uint8Array): Promise<void>;
}

function nameOf(device: UsbDevice): string {
  return [device.manufacturerName, device.productName].filter(Boolean).join(' ') || 'USB printer';
}

async function ready(device: UsbDevice): Promise<UsbPrinter> {
  if (!device.opened) await device.open();
  if (!device.configuration) await device.selectConfiguration(1);
  const interfaces = device.configuration?.interfaces ?? [];
  const target =
    interfaces.find((i) => i.alternate.interfaceClass === PRINTER_CLASS) ?? interfaces[0];
  const out = target?.alternate.endpoints.find((e) => e.direction === 'out' && e.type === 'bulk');
  if (!target || !out) throw new Error('no bulk OUT endpoint');
  await device.claimInterface(target.interfaceNumber).catch(() => undefined);
  return {
    name: nameOf(device),
    async print(bytes) {
      // most printers take 64-byte packets; chunks keep large QR codes within their buffers
      for (let i = 0; i < bytes.length; i += 4096) {
        const result = await device.transferOut(out.endpointNumber, bytes.slice(i, i + 4096));
        if (result.status !== 'ok') throw new Error(`transfer ${result.status}`);
      }
    },
  };
}

/** Asks the browser for a printer (needs a tap) and remembers it. */
export async function connectUsbPrinter(): Promise<UsbPrinter> {
  const api = usb();
  if (!api) throw new Error('WebUSB is not available');
  const device = await api.requestDevice({ filters: [{ classCode: PRINTER_CLASS }] });
  const printer = await ready(device);
  remembered.write(nameOf(device));
  return printer;
}

/** The printer chosen earlier, if the browser still has it and permission to use it. */
export async function rememberedUsbPrinter(): Promise<UsbPrinter | undefined> {
  const api = usb();
  const name = remembered.read();
  if (!api || !name) return undefined;
  const device = (await api.getDevices()).find((d) => nameOf(d) === name);
  return device ? ready(device) : undefined;
}

export function forgetUsbPrinter(): void {
  remembered.clear();
}
